/** The contract of one `/chatdash <sub>` module: its names, its line in the help text, and how it answers. */
import type { WebClient } from '@slack/web-api';
import type { ProjectConfig } from '../../../../config/schema.ts';
import type { Requester } from '../../../../jobs/schema.ts';
import type { EphemeralMessage } from '../../../messages.ts';
import type { ListenerContext } from '../../context.ts';

/** What a subcommand is asked, already parsed and checked (unless it skips the access check). */
export interface SubcommandRequest {
  /**
   * The words after the subcommand's name, as typed (split on white space, none empty), among the first
   * `COMMAND_LIMITS.words` (16) of the text, each cut to `COMMAND_LIMITS.wordChars` (64) characters (`command-text.ts`).
   */
  words: string[];
  /**
   * How many words followed those, unread (0 for any real command). A subcommand that reads words should refuse
   * when this is not 0 (`notUnderstood(unknown, unreadWords)`); one that takes none may ignore it.
   */
  unreadWords: number;
  /** Who asks, from where. */
  requester: Requester;
  /**
   * The projects this channel (or this admin's DM) may query, in configuration order. Empty for a subcommand
   * with `skipAccessCheck`.
   */
  projects: readonly ProjectConfig[];
  /** Slack's trigger_id: opens a modal (`client.views.open`) within 3 s; unique per invocation. */
  triggerId: string;
  /** Where later answers go (30 minutes, 5 uses); the worker replaces the ack's message through it. */
  responseUrl: string;
  /** Bolt's Web API client with the bot token (e.g. `client.views.open({ trigger_id, view })`). */
  client: WebClient;
  /** The usage text built from the registry, optionally led by what went wrong (safe mrkdwn). */
  help(lead?: string): EphemeralMessage;
}

export interface Subcommand {
  /** The word after `/chatdash` (lower case). */
  name: string;
  /** Other words that pick this subcommand (lower case); not offered as "did you mean". */
  aliases?: readonly string[];
  /** Its line in the help text: the syntax in backticks, a colon, what it does (safe mrkdwn). */
  usage: string;
  /**
   * Answer without checking who asks (the help text). Default false: the dispatcher applies the workspace,
   * channel and DM rules first and passes the visible projects.
   */
  skipAccessCheck?: boolean;
  /**
   * The ack's answer (ephemeral), or undefined for an empty ack (e.g. after opening a modal). Runs on the ack path:
   * anything slow goes to the queue.
   */
  run(ctx: ListenerContext, request: SubcommandRequest): Promise<EphemeralMessage | undefined>;
}
