/**
 * Socket Mode envelopes as Slack sends them over the WebSocket, for the Socket Mode double. Pure.
 *
 * `{envelope_id, type, payload, accepts_response_payload}`: a slash command's payload is the command's fields (the
 * form Slack would POST, as strings); an interactive payload is the interaction payload; an `events_api` payload
 * is the full Events API wrapper (`event_callback` with `event` inside: @slack/socket-mode reads
 * `payload.event.type`), and the frame also carries `retry_attempt` and `retry_reason`.
 */
import { randomUUID } from 'node:crypto';
import type { SlashCommand } from '../slack-double/requests.ts';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  /** `events_api` only: how many times Slack has retried this event (0 the first time). */
  retry_attempt?: number;
  /** `events_api` only: why it retried (empty the first time). */
  retry_reason?: string;
}

/** The app id the doubles and test payloads use. */
export const DOUBLE_APP_ID = 'A0CHATDASH';

export function slashCommandEnvelope(command: SlashCommand): Envelope {
  return {
    envelope_id: randomUUID(),
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'deprecated-verification-token',
      team_id: command.team_id ?? 'T0DEMO',
      team_domain: 'chatdash-demo',
      channel_id: command.channel_id ?? 'C0ACME',
      channel_name: command.channel_name ?? 'acme',
      user_id: command.user_id ?? 'U0ALICE',
      user_name: 'alice',
      command: command.command ?? '/chatdash',
      text: command.text,
      api_app_id: DOUBLE_APP_ID,
      is_enterprise_install: 'false',
      response_url: command.response_url,
      trigger_id: command.trigger_id ?? `trigger-${randomUUID()}`,
    },
  };
}

/** A `block_actions`, `view_submission`, … payload, as the interactivity request's `payload` field carries it. */
export function interactiveEnvelope(payload: Record<string, unknown>): Envelope {
  return { envelope_id: randomUUID(), type: 'interactive', accepts_response_payload: true, payload };
}

export interface EventOptions {
  teamId?: string;
  /** Default a fresh `Ev…` id. */
  eventId?: string;
  retryAttempt?: number;
  retryReason?: string;
}

/** An Events API event (`{type: 'app_mention', …}`) inside its full `event_callback` wrapper. */
export function eventsApiEnvelope(event: Record<string, unknown>, options: EventOptions = {}): Envelope {
  const teamId = options.teamId ?? 'T0DEMO';
  return {
    envelope_id: randomUUID(),
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: options.retryAttempt ?? 0,
    retry_reason: options.retryReason ?? '',
    payload: {
      token: 'deprecated-verification-token',
      team_id: teamId,
      api_app_id: DOUBLE_APP_ID,
      event,
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U0CHATDASH', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${randomUUID()}`,
    },
  };
}
