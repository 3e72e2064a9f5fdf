/**
 * What every listener gets besides Bolt's own arguments: the configuration, the runtime channel bindings, the state
 * store (for the subscription UI), the job queue, the log and the clock.
 */
import type { App } from '@slack/bolt';
import type { AlertStore } from '../../alerts/store.ts';
import type { Config } from '../../config/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Log } from '../../log.ts';
import type { BindingsReader, StateStore } from '../../store/store.ts';

/**
 * A Bolt App, whatever its receiver: the Lambda one (AwsLambdaReceiver, `src/slack/app.ts`) or a Socket Mode one in
 * dev. Type-only: nothing of Bolt's index is loaded.
 */
export type BoltApp = App;

export interface ListenerContext {
  /** Projects, channel bindings, admins (validated). */
  config: Config;
  /**
   * Channel bindings made from Slack (the state store), read by every access check (`checkChannelAccess`). Default:
   * none, the configuration's bindings only.
   */
  bindings?: BindingsReader | undefined;
  /**
   * The runtime state store, for what people manage from Slack (subscriptions, connect/disconnect, App Home). Default:
   * the one `env` names (`STATE_TABLE` or `STATE_FILE`), made by the subscription UI's own bundle on its first use
   * (`src/slack/subscriptions/state-store.ts`), so neither its code nor the AWS SDK loads on a cold start; with
   * neither, none (those listeners say it is not set up).
   */
  store?: StateStore | undefined;
  /**
   * The alert store, for the alerts UI (`/chatdash alert`, `alerts`, their buttons, the App Home's alerts). Default:
   * the one `env` names, made by the UI's own bundle on its first use (`src/slack/alerts/store.ts`); with neither
   * `STATE_TABLE` nor `STATE_FILE`, none (those listeners say it is not set up).
   */
  alerts?: AlertStore | undefined;
  /** Where the default state store is found (see `store`). Default: `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
  /** Where slow work goes: the worker picks it up. */
  queue: JobQueue;
  log: Log;
  /** The clock (jobs carry when they were asked for). */
  now: () => Date;
}
