/**
 * Deterministic, realistic analytics for a demo project over a time range (pure: no I/O; the clock is a parameter).
 *
 * Volume comes from a per-UTC-day curve (weekday pattern × slow trend × noise seeded from project id + day), so the
 * same range always gives the same answer and the previous period genuinely differs. The range is cut into
 * 24 h buckets from its start (a partial last bucket counts, with a share of the day's volume), and every total is
 * the sum of its buckets; everything else (topics, countries, tokens…) is derived from those totals.
 * Two things are tied to a clock (`nowMs`, in whole UTC days, so answers stay the same all day), so that recent
 * periods always have real news to report: a project's "emerging" misunderstood messages start a few days before
 * it, and a `degrading` project gets worse day after day up to it.
 *
 * A project with `hourFactors` spreads each day's volume over its local hours in those proportions (so an hourly
 * query sees quiet nights and busy afternoons); an incident (see incidents.ts) changes the buckets it overlaps.
 * Both depend only on the instants queried, so a test or demo that simulates a clock passes that same clock as
 * `nowMs` and every time-dependent behaviour follows it.
 */
import { type MetricName, responseKeyOf } from '../chatdash/schema.ts';
import type { DemoProject, Weighted } from './demo-projects.ts';
import { type IncidentSpan, overlapMs } from './incidents.ts';
import { seeded } from './prng.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Trend anchor: volumes equal the project's base around this day and grow slowly around it. */
const TREND_ANCHOR_DAY = Math.floor(Date.UTC(2026, 0, 1) / DAY_MS);
const TREND_PER_DAY = 0.0015;

/** Number of 24 h buckets in [startMs, endMs): a partial last bucket counts. */
export function bucketCount(startMs: number, endMs: number): number {
  return endMs <= startMs ? 0 : Math.ceil((endMs - startMs) / DAY_MS);
}

/** Expected conversations on one whole UTC day (not rounded). */
export function dailyVolume(project: DemoProject, day: number): number {
  if (project.dailyConversations <= 0) return 0;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday.
  const trend = Math.min(4, Math.max(0.25, Math.exp(TREND_PER_DAY * (day - TREND_ANCHOR_DAY))));
  const noise = 0.85 + 0.3 * seeded(project.id, 'volume', day)();
  return project.dailyConversations * (project.weekdayFactors[weekday] ?? 1) * trend * noise;
}

const HOUR_MS = 60 * 60 * 1000;

/** Expected conversations in [fromMs, toMs), spreading each UTC day's volume evenly over its 24 h. */
function evenVolumeBetween(project: DemoProject, fromMs: number, toMs: number): number {
  let sum = 0;
  for (let day = Math.floor(fromMs / DAY_MS); day * DAY_MS < toMs; day += 1) {
    const overlap = Math.min(toMs, (day + 1) * DAY_MS) - Math.max(fromMs, day * DAY_MS);
    if (overlap > 0) sum += dailyVolume(project, day) * (overlap / DAY_MS);
  }
  return sum;
}

const localHours = new Map<string, number>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The local hour (0–23) in `timeZone` at the start of UTC hour number `hour` (memoised: the sandbox asks often). */
function localHour(hour: number, timeZone: string | undefined): number {
  if (!timeZone || timeZone === 'UTC') return ((hour % 24) + 24) % 24;
  const key = `${timeZone}|${hour}`;
  const known = localHours.get(key);
  if (known !== undefined) return known;
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  const value = Number(format.formatToParts(hour * HOUR_MS).find((p) => p.type === 'hour')?.value ?? 0) % 24;
  if (localHours.size > 200_000) localHours.clear();
  localHours.set(key, value);
  return value;
}

/** Expected conversations in [fromMs, toMs), spreading each UTC day's volume over its hours by `hourFactors` (local hours). */
function hourlyVolumeBetween(project: DemoProject, hourFactors: readonly number[], fromMs: number, toMs: number): number {
  const weightSum = hourFactors.reduce((a, b) => a + Math.max(0, b), 0);
  if (weightSum <= 0) return evenVolumeBetween(project, fromMs, toMs);
  let sum = 0;
  for (let hour = Math.floor(fromMs / HOUR_MS); hour * HOUR_MS < toMs; hour += 1) {
    const overlap = Math.min(toMs, (hour + 1) * HOUR_MS) - Math.max(fromMs, hour * HOUR_MS);
    if (overlap <= 0) continue;
    const day = Math.floor((hour * HOUR_MS) / DAY_MS);
    const weight = Math.max(0, hourFactors[localHour(hour, project.rhythmTimeZone)] ?? 0) / weightSum;
    sum += dailyVolume(project, day) * weight * (overlap / HOUR_MS);
  }
  return sum;
}

/** Expected conversations in [fromMs, toMs), an incident's drop or surge included. */
function volumeBetween(project: DemoProject, fromMs: number, toMs: number, incident?: IncidentSpan): number {
  const hourFactors = project.hourFactors?.length === 24 ? project.hourFactors : undefined;
  const volume = (a: number, b: number): number =>
    b <= a ? 0 : hourFactors ? hourlyVolumeBetween(project, hourFactors, a, b) : evenVolumeBetween(project, a, b);
  if (!incident || incident.conversationsFactor === 1 || overlapMs(incident, fromMs, toMs) === 0) return volume(fromMs, toMs);
  const inFrom = Math.max(fromMs, incident.fromMs);
  const inTo = Math.min(toMs, incident.untilMs);
  return volume(fromMs, inFrom) + volume(inFrom, inTo) * incident.conversationsFactor + volume(inTo, toMs);
}

interface Bucket {
  conversations: number;
  uniqueIps: number;
  interactions: number;
  incomingTextMessages: number;
  callSeconds: number;
  costCents: number;
  userMessages: number;
  missed: number;
  /** Of `missed`, the extra misses an incident caused (all of them on the incident's message). */
  incidentMissed: number;
}

/** Options of `generateAnalytics`. */
export interface GenerateOptions {
  /**
   * The sandbox's clock (epoch ms): `degrading` projects slide towards its UTC day, and emerging misunderstood
   * messages start whole days before it. Default none: without a clock, neither happens.
   */
  nowMs?: number;
  /** An incident the project's bot is going through (see incidents.ts); default none. */
  incident?: IncidentSpan | undefined;
}

/**
 * How far a `degrading` project has slid on a UTC day: the miss rate it adds to its usual one, and its cost
 * multiplier (nothing before the slide began). The slide is steady: the day-to-day noise stays on the usual miss
 * rate only, so any period in the slide is clearly worse than the one before it.
 */
export function degradationOn(project: DemoProject, day: number, today: number | undefined): { addedMissRate: number; costFactor: number } {
  const slide = project.degrading;
  if (!slide || today === undefined) return { addedMissRate: 0, costFactor: 1 };
  const into = Math.min(slide.days, Math.max(0, day - (today - slide.days)));
  return { addedMissRate: slide.missRatePerDay * into, costFactor: (1 + slide.costGrowthPerDay) ** into };
}

function makeBucket(project: DemoProject, fromMs: number, toMs: number, today: number | undefined, incident?: IncidentSpan): Bucket {
  const r = seeded(project.id, 'bucket', Math.floor(fromMs / DAY_MS), fromMs % DAY_MS);
  const { addedMissRate, costFactor } = degradationOn(project, Math.floor(fromMs / DAY_MS), today);
  const conversations = Math.round(volumeBetween(project, fromMs, toMs, incident));
  const uniqueIps = Math.min(conversations, Math.round(conversations * (0.7 + 0.15 * r())));
  const interactions = Math.round(conversations * project.interactionsPerConversation * (0.9 + 0.2 * r()));
  const voice = project.kind === 'voice';
  const incomingTextMessages = voice ? 0 : Math.round(interactions * (0.95 + 0.05 * r()));
  const callSeconds = voice ? Math.round(conversations * (project.averageCallSeconds ?? 0) * (0.85 + 0.3 * r())) : 0;
  const costCents = voice
    ? Math.round((callSeconds / 60) * project.costCents * costFactor)
    : Math.round(conversations * project.costCents * costFactor * (0.9 + 0.2 * r()));
  // Voice bots understand spoken turns, text bots typed messages.
  const userMessages = voice ? interactions : incomingTextMessages;
  const usualMissed = userMessages * Math.min(0.9, project.missRate * (0.75 + 0.5 * r()) + addedMissRate);
  // An incident's extra misses: its miss rate over the share of the bucket it covers (never fewer than usual).
  const share = incident && toMs > fromMs ? overlapMs(incident, fromMs, toMs) / (toMs - fromMs) : 0;
  const extra =
    incident?.missRate === undefined ? 0 : userMessages * share * Math.max(0, incident.missRate - project.missRate - addedMissRate);
  const missed = Math.min(userMessages, Math.round(usualMissed + extra));
  const incidentMissed = Math.min(missed, Math.round(extra));
  return { conversations, uniqueIps, interactions, incomingTextMessages, callSeconds, costCents, userMessages, missed, incidentMissed };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Noisy share of `total` per weighted item: zeros dropped, sorted descending (ties by key, for stability). */
function scaled<T>(
  total: number,
  items: ReadonlyArray<Weighted<T>>,
  rng: () => number,
  key: (item: T) => string,
): Array<{ item: T; count: number }> {
  const weightSum = sum(items.map((i) => i.weight));
  if (weightSum <= 0 || total <= 0) return [];
  return items
    .map(({ item, weight }) => ({ item, count: Math.round((total * weight * (0.8 + 0.4 * rng())) / weightSum) }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || key(a.item).localeCompare(key(b.item)));
}

/** Exact split of `total` (largest remainder over noisy weights): the counts add up to `total`. Sorted descending. */
function split<T>(
  total: number,
  items: ReadonlyArray<Weighted<T>>,
  rng: () => number,
  key: (item: T) => string,
): Array<{ item: T; count: number }> {
  const noisy = items.map(({ item, weight }) => ({ item, weight: weight * (0.85 + 0.3 * rng()) }));
  const weightSum = sum(noisy.map((i) => i.weight));
  if (weightSum <= 0 || total <= 0) return [];
  const shares = noisy.map(({ item, weight }) => {
    const exact = (total * weight) / weightSum;
    return { item, count: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - sum(shares.map((s) => s.count));
  for (const share of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    share.count += 1;
    left -= 1;
  }
  return shares
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || key(a.item).localeCompare(key(b.item)))
    .map(({ item, count }) => ({ item, count }));
}

/** A project's emerging misunderstood messages within [startMs, endMs), given the clock (zeros dropped). */
function emerging(
  project: DemoProject,
  startMs: number,
  endMs: number,
  nowMs: number | undefined,
  incident: IncidentSpan | undefined,
): Array<{ id: string | number; label: string; count: number }> {
  if (nowMs === undefined) return [];
  return (project.emergingMisunderstood ?? [])
    .map(({ id, label, daysAgo, perConversation }) => {
      const from = Math.max(startMs, (Math.floor(nowMs / DAY_MS) - daysAgo) * DAY_MS);
      return { id, label, count: from < endMs ? Math.round(volumeBetween(project, from, endMs, incident) * perConversation) : 0 };
    })
    .filter((m) => m.count > 0);
}

/**
 * The analytics response body for `metrics` over [startMs, endMs): only the requested metrics, under their
 * response keys. Callers validate the range (end after start).
 */
export function generateAnalytics(
  project: DemoProject,
  startMs: number,
  endMs: number,
  metrics: readonly MetricName[],
  options: GenerateOptions = {},
): Record<string, unknown> {
  const { nowMs, incident } = options;
  const today = nowMs === undefined ? undefined : Math.floor(nowMs / DAY_MS);
  const buckets: Bucket[] = [];
  for (let i = 0; i < bucketCount(startMs, endMs); i += 1) {
    const from = startMs + i * DAY_MS;
    buckets.push(makeBucket(project, from, Math.min(endMs, from + DAY_MS), today, incident));
  }
  const series = (pick: (b: Bucket) => number): { counts: number[]; total: number } => {
    const counts = buckets.map(pick);
    return { counts, total: sum(counts) };
  };
  const conversations = series((b) => b.conversations);
  const interactions = series((b) => b.interactions);
  const userMessages = sum(buckets.map((b) => b.userMessages));
  const missed = sum(buckets.map((b) => b.missed));
  const incidentMissed = sum(buckets.map((b) => b.incidentMissed));
  const costCents = buckets.map((b) => b.costCents);
  const totalCostCents = sum(costCents);
  const rng = (purpose: string): (() => number) =>
    seeded(project.id, purpose, Math.floor(startMs / DAY_MS), startMs % DAY_MS, buckets.length);
  const byLabel = (x: { label: string }): string => x.label;

  const all: { [K in MetricName]: () => unknown } = {
    conversations: () => conversations,
    uniqueIps: () => series((b) => b.uniqueIps),
    interactions: () => interactions,
    incomingTextMessages: () => series((b) => b.incomingTextMessages),
    totalCallDuration: () => series((b) => b.callSeconds),
    totalCost: () => ({
      counts: costCents.map((c) => c / 100),
      total: totalCostCents / 100,
      currency: project.currency,
    }),
    averageCost: () => ({
      counts: buckets.map((b) => (b.conversations > 0 ? round4(b.costCents / 100 / b.conversations) : 0)),
      average: conversations.total > 0 ? round4(totalCostCents / 100 / conversations.total) : 0,
      currency: project.currency,
    }),
    understoodMessages: () => ({ total: userMessages, understood: userMessages - missed, missed }),
    averageInteractions: () => (conversations.total > 0 ? Math.round(interactions.total / conversations.total) : 0),
    conversationByCountry: () =>
      split(conversations.total, project.countries, rng('countries'), (c) => c).map(({ item, count }) => ({
        id: item,
        value: count,
      })),
    topTopics: () =>
      scaled(Math.round(conversations.total * 0.9), project.topics, rng('topics'), byLabel).map(({ item, count }) => ({
        id: item.id,
        label: item.label,
        count,
      })),
    topMisunderstoodMessages: () => {
      const extra = Math.round(incidentMissed * 0.9);
      return [
        ...scaled(Math.round((missed - incidentMissed) * 0.6), project.misunderstood, rng('misunderstood'), byLabel).map(
          ({ item, count }) => ({ id: item.id, label: item.label, count }),
        ),
        ...emerging(project, startMs, endMs, nowMs, incident),
        ...(incident && extra > 0 ? [{ id: incident.message.id, label: incident.message.label, count: extra }] : []),
      ].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    },
    topIntents: () =>
      scaled(Math.round((userMessages - missed) * 0.7), project.intents, rng('intents'), (n) => n).map(({ item, count }) => ({
        name: item,
        count,
      })),
    tokens: () => {
      const r = rng('tokens');
      return project.models
        .map(({ model, tokensPerInteraction }) => ({
          model,
          count: Math.round(interactions.total * tokensPerInteraction * (0.9 + 0.2 * r())),
        }))
        .filter((m) => m.count > 0)
        .sort((a, b) => b.count - a.count || a.model.localeCompare(b.model));
    },
    endedReason: () =>
      project.kind === 'voice'
        ? split(conversations.total, project.endedReasons, rng('ended'), (r) => r).map(({ item, count }) => ({
            reason: item,
            count,
          }))
        : [],
  };

  const body: Record<string, unknown> = {};
  for (const metric of metrics) {
    const key = responseKeyOf(metric);
    if (!(key in body)) body[key] = all[metric]();
  }
  return body;
}
