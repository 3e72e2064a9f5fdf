/**
 * What the subscription UI gets back from Slack, untrusted until read with these schemas: a subscription button's
 * value, and the subscribe/edit modal's `private_metadata` (set by us, but it comes back through Slack).
 */
import * as z from 'zod/mini';
import { parseJsonAs } from '../../json.ts';

const SLACK_ID = /^[A-Z0-9]{2,30}$/;
const SUBSCRIPTION_REF = /^(sub_[a-z0-9]{8,32}|[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)$/;

/** A subscription button's value: which subscription (`s`: its source), at which version (runtime ones). */
export const ButtonValue = z.object({
  s: z.enum(['config', 'runtime']),
  id: z.string().check(z.regex(SUBSCRIPTION_REF)),
  v: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
});
export type ButtonValue = z.infer<typeof ButtonValue>;

export const encodeButtonValue = (value: ButtonValue): string => JSON.stringify(value);
export const decodeButtonValue = (text: string): ButtonValue | undefined => parseJsonAs(ButtonValue, text.slice(0, 300));

/** Where a subscribe/edit modal was opened from: after a save, the list message is replaced or the App Home republished. */
export const FORM_ORIGINS = ['command', 'list', 'home'] as const;

/** The modal's `private_metadata`: set by us, but it comes back through Slack, so it is checked like any input. */
export const FormMetadata = z.object({
  v: z.literal(1),
  team: z.string().check(z.regex(SLACK_ID)),
  /** The channel the subscription posts to. */
  channel: z.string().check(z.regex(/^[CG][A-Z0-9]{2,30}$/)),
  /** Editing: which subscription, from which version (a stale one is refused: "changed meanwhile"). */
  edit: z.optional(z.object({ id: z.string().check(z.regex(/^sub_[a-z0-9]{8,32}$/)), version: z.int().check(z.gte(1)) })),
  from: z.enum(FORM_ORIGINS),
  /** The list message to replace after a save (the click's response_url). */
  responseUrl: z.optional(z.url().check(z.maxLength(500))),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

export const encodeFormMetadata = (metadata: FormMetadata): string => JSON.stringify(metadata);
/** Slack keeps up to 3,000 characters; anything longer or malformed is not ours. */
export const decodeFormMetadata = (text: string | undefined): FormMetadata | undefined =>
  text && text.length <= 3000 ? parseJsonAs(FormMetadata, text) : undefined;
