/**
 * ChatDash analytics: the zod schemas are the source of the types.
 *
 * ChatDash's reference leaves most of the response loosely specified (see `../shared/chatdash-api.md`), so
 * each metric is validated on its own: a metric that is missing or malformed becomes "unavailable" and the
 * rest of the answer stands.
 */
import * as z from 'zod/mini';

/** Metric names as the request's `metrics` array spells them. */
export const METRIC_NAMES = [
  'conversations',
  'conversationByCountry',
  'uniqueIps',
  'totalCallDuration',
  'totalCost',
  'averageCost',
  'topMisunderstoodMessages',
  'topTopics',
  'endedReason',
  'interactions',
  'incomingTextMessages',
  'tokens',
  'topIntents',
  'understoodMessages',
  'averageInteractions',
] as const;
export const MetricName = z.enum(METRIC_NAMES);
export type MetricName = z.infer<typeof MetricName>;

/** A count can be large but never negative, NaN or infinite. */
const count = z.number().check(z.nonnegative(), z.refine(Number.isFinite, 'must be finite'));
const money = z.number().check(z.refine(Number.isFinite, 'must be finite'), z.nonnegative());
/**
 * Currency codes arrive as text; keep anything that looks like ISO 4217, upper-cased. An unusable code ("XX1",
 * "EURO") or none at all becomes null: the amount is still good, and is shown as a plain number.
 */
const currency = z.catch(
  z.nullable(
    z.pipe(
      z.string().check(z.regex(/^[A-Za-z]{3}$/)),
      z.transform((c: string) => c.toUpperCase()),
    ),
  ),
  null,
);
const id = z.union([z.string(), z.number()]);
/** Untrusted user-derived text: any string is legal here; escaping happens when rendering. */
const label = z.string();

export const Series = z.object({ counts: z.array(count), total: count });
export type Series = z.infer<typeof Series>;

export const CostSeries = z.object({ counts: z.array(money), total: money, currency });
export type CostSeries = z.infer<typeof CostSeries>;

export const AverageCost = z.object({ counts: z.array(money), average: money, currency });
export type AverageCost = z.infer<typeof AverageCost>;

export const CountryCount = z.object({ id: z.string(), value: count });
export const ReasonCount = z.object({ reason: label, count });
export const LabelCount = z.object({ id, label, count });
export const ModelCount = z.object({ model: label, count });
export const IntentCount = z.object({ name: label, count });
export type LabelCount = z.infer<typeof LabelCount>;

export const Understood = z.object({ total: count, understood: count, missed: count });
export type Understood = z.infer<typeof Understood>;

/** Response keys and the schema each is checked against. */
export const RESPONSE_SCHEMAS = {
  conversations: Series,
  conversationsByCountry: z.array(CountryCount),
  uniqueIps: Series,
  totalCallDuration: Series,
  totalCost: CostSeries,
  averageCost: AverageCost,
  endedReason: z.array(ReasonCount),
  topMisunderstoodMessages: z.array(LabelCount),
  topTopics: z.array(LabelCount),
  interactions: Series,
  incomingTextMessages: Series,
  tokens: z.array(ModelCount),
  topIntents: z.array(IntentCount),
  understoodMessages: Understood,
  averageInteractions: count,
} as const;

export type ResponseKey = keyof typeof RESPONSE_SCHEMAS;

/** One period's analytics. A key that is absent is unavailable (not requested, missing or malformed). */
export type Analytics = { -readonly [K in ResponseKey]?: z.infer<(typeof RESPONSE_SCHEMAS)[K]> };

/** The request name of a metric and the response key it comes back under differ for one metric only. */
export function responseKeyOf(metric: MetricName): ResponseKey {
  return metric === 'conversationByCountry' ? 'conversationsByCountry' : metric;
}

export interface ParsedAnalytics {
  data: Analytics;
  /** Requested metrics that did not come back in a usable shape. */
  unavailable: MetricName[];
}

/**
 * Validate a response body metric by metric. `body` is whatever JSON.parse gave; only a non-object body is
 * rejected as a whole (the caller turns that into a "malformed response" error).
 */
export function parseAnalytics(body: unknown, requested: readonly MetricName[]): ParsedAnalytics | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  const unavailable: MetricName[] = [];
  for (const metric of requested) {
    const key = responseKeyOf(metric);
    const parsed = z.safeParse(RESPONSE_SCHEMAS[key], record[key]);
    if (parsed.success) data[key] = parsed.data;
    else unavailable.push(metric);
  }
  return { data: data as Analytics, unavailable };
}
