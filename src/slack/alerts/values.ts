/**
 * What the alerts UI gets back from Slack, untrusted until read with these schemas: an alert button's value, the
 * "Add recommended alerts" button's value, and the alert modal's `private_metadata` (set by us, but it comes back
 * through Slack).
 */
import * as z from 'zod/mini';
import { AlertId } from '../../alerts/model.ts';
import { parseJsonAs } from '../../json.ts';

const SLACK_ID = /^[A-Z0-9]{2,30}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,30}$/;
const PROJECT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** An alert button's value: which alert, at which definition version (a later change makes the click refused). */
export const AlertButtonValue = z.object({ id: AlertId, v: z.optional(z.int().check(z.gte(1), z.lte(1_000_000_000))) });
export type AlertButtonValue = z.infer<typeof AlertButtonValue>;

export const encodeAlertButton = (value: AlertButtonValue): string => JSON.stringify(value);
export const decodeAlertButton = (text: string): AlertButtonValue | undefined => parseJsonAs(AlertButtonValue, text.slice(0, 300));

/** "Add recommended alerts": for which channel and project. */
export const RecommendValue = z.object({
  channel: z.string().check(z.regex(CHANNEL_ID)),
  project: z.string().check(z.regex(PROJECT_KEY)),
});
export type RecommendValue = z.infer<typeof RecommendValue>;

export const encodeRecommend = (value: RecommendValue): string => JSON.stringify(value);
export const decodeRecommend = (text: string): RecommendValue | undefined => parseJsonAs(RecommendValue, text.slice(0, 300));

export const ALERT_FORM_ORIGINS = ['command', 'list', 'home'] as const;

/** The alert modal's `private_metadata`. */
export const AlertFormMetadata = z.object({
  v: z.literal(1),
  team: z.string().check(z.regex(SLACK_ID)),
  /** The channel the alert posts to. */
  channel: z.string().check(z.regex(CHANNEL_ID)),
  /** Editing: which alert, from which definition version (a stale one is refused: "changed meanwhile"). */
  edit: z.optional(z.object({ id: AlertId, version: z.int().check(z.gte(1)) })),
  from: z.enum(ALERT_FORM_ORIGINS),
  /** The list message to replace after a save (the click's response_url). */
  responseUrl: z.optional(z.url().check(z.maxLength(500))),
});
export type AlertFormMetadata = z.infer<typeof AlertFormMetadata>;

export const encodeAlertFormMetadata = (metadata: AlertFormMetadata): string => JSON.stringify(metadata);
/** Slack keeps up to 3,000 characters; anything longer or malformed is not ours. */
export const decodeAlertFormMetadata = (text: string | undefined): AlertFormMetadata | undefined =>
  text && text.length <= 3000 ? parseJsonAs(AlertFormMetadata, text) : undefined;
