/**
 * What the alerts UI gets back from Slack, untrusted until read with these schemas: an alert button's value, the
 * "Add recommended alerts" button's value, and the alert modal's `private_metadata` (set by us, but it comes back
 * through Slack; with what was typed in fields a reshaping hid, cut to fit Slack's 3,000 characters).
 */
import * as z from 'zod/mini';
import { ALERT_LIMITS, AlertId } from '../../alerts/model.ts';
import { VIEW_LIMITS } from '../../digest/limits.ts';
import { truncate } from '../../digest/mrkdwn.ts';
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

/** The longest value typed in the threshold field (its `max_length`). */
export const THRESHOLD_MAX = 30;

/**
 * What was typed in fields the modal no longer shows (the metric or condition changed), to put back if they come
 * back: the message or topic, the model, the value. Never submitted: a submission reads only the fields it shows.
 */
export const KeptFields = z.object({
  item: z.optional(z.string().check(z.maxLength(ALERT_LIMITS.itemLabel))),
  model: z.optional(z.string().check(z.maxLength(ALERT_LIMITS.model))),
  value: z.optional(z.string().check(z.maxLength(THRESHOLD_MAX))),
});
export type KeptFields = z.infer<typeof KeptFields>;
export const KEPT_FIELDS = ['item', 'model', 'value'] as const satisfies ReadonlyArray<keyof KeptFields>;

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
  /** Typed in fields a reshaping hid (absent: none). */
  kept: z.optional(KeptFields),
});
export type AlertFormMetadata = z.infer<typeof AlertFormMetadata>;

/**
 * The metadata as Slack keeps it: within its 3,000 characters, whatever was typed. Only the kept values can make it
 * longer (the rest is ids and one URL of ≤ 500); JSON can write a character as up to 6, so the longest kept value is
 * cut (between characters, marked "…") until it fits, and dropped if that isn't enough.
 */
export function encodeAlertFormMetadata(metadata: AlertFormMetadata): string {
  const { kept, ...rest } = metadata;
  const fields: KeptFields = {};
  for (const key of KEPT_FIELDS) if (kept?.[key]) fields[key] = kept[key];
  let text = JSON.stringify(Object.keys(fields).length > 0 ? { ...rest, kept: fields } : rest);
  for (let round = 0; text.length > VIEW_LIMITS.privateMetadata && round < 64; round++) {
    const longest = KEPT_FIELDS.filter((k) => fields[k] !== undefined).sort(
      (a, b) => JSON.stringify(fields[b]).length - JSON.stringify(fields[a]).length,
    )[0];
    if (longest === undefined) break;
    const value = fields[longest] ?? '';
    const over = text.length - VIEW_LIMITS.privateMetadata;
    // The characters to drop, from how much this value grows in JSON (at least one).
    const drop = Math.max(1, Math.ceil((over * value.length) / JSON.stringify(value).length) + 1);
    const shorter = value.length - drop > 1 ? truncate(value, value.length - drop) : '';
    if (shorter) fields[longest] = shorter;
    else delete fields[longest];
    text = JSON.stringify(Object.keys(fields).length > 0 ? { ...rest, kept: fields } : rest);
  }
  return text.length > VIEW_LIMITS.privateMetadata ? JSON.stringify(rest) : text;
}
/** Slack keeps up to 3,000 characters; anything longer or malformed is not ours. */
export const decodeAlertFormMetadata = (text: string | undefined): AlertFormMetadata | undefined =>
  text && text.length <= VIEW_LIMITS.privateMetadata ? parseJsonAs(AlertFormMetadata, text) : undefined;
