/**
 * Real signed Slack requests as API Gateway HTTP API (payload v2) events, for driving the real handler
 * (tests, `npm run demo`, `npm run bench`).
 * Signing follows Slack's spec: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`).
 */
import { createHmac } from 'node:crypto';
import type { AwsEventV2 } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SignOptions {
  secret?: string;
  /** Seconds since epoch; default now. */
  timestamp?: number;
  /** Override the signature (bad-signature tests). `null` leaves the header out. */
  signature?: string | null;
  headers?: Record<string, string>;
  /** API Gateway HTTP APIs base64-encode form bodies. */
  base64?: boolean;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function apiGatewayEvent(body: string, contentType: string, options: SignOptions = {}): AwsEventV2 {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined ? sign(body, timestamp, options.secret) : options.signature;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...(signature === null ? {} : { 'x-slack-signature': signature }),
    ...options.headers,
  };
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers,
    requestContext: { http: { method: 'POST', path: '/slack/events' }, requestId: 'test', stage: '$default' },
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

export interface SlashCommand {
  text: string;
  team_id?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  response_url: string;
  trigger_id?: string;
  command?: string;
}

export function slashCommandEvent(command: SlashCommand, options: SignOptions = {}): AwsEventV2 {
  const form = new URLSearchParams({
    command: command.command ?? '/chatdash',
    text: command.text,
    team_id: command.team_id ?? 'T0DEMO',
    channel_id: command.channel_id ?? 'C0ACME',
    channel_name: command.channel_name ?? 'acme',
    user_id: command.user_id ?? 'U0ALICE',
    user_name: 'alice',
    response_url: command.response_url,
    trigger_id: command.trigger_id ?? `trigger-${Math.random().toString(36).slice(2)}`,
    api_app_id: 'A0CHATDASH',
  }).toString();
  return apiGatewayEvent(form, 'application/x-www-form-urlencoded', { base64: true, ...options });
}

/** Interactivity payloads arrive as a form with one `payload` JSON field. */
export function interactionEvent(payload: object, options: SignOptions = {}): AwsEventV2 {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return apiGatewayEvent(form, 'application/x-www-form-urlencoded', { base64: true, ...options });
}

export function eventsApiEvent(payload: object, options: SignOptions = {}): AwsEventV2 {
  return apiGatewayEvent(JSON.stringify(payload), 'application/json', options);
}
