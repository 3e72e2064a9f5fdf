/**
 * Turn one period of ChatDash analytics (and the period before) into the insight model. Pure: no I/O, no clock.
 */
import type { Analytics, ParsedAnalytics } from '../chatdash/schema.ts';
import type { Period } from '../periods/period.ts';
import { buildHighlights, resolveThresholds } from './highlights.ts';
import { type RawEntry, rankList } from './lists.ts';
import { computeChange, finite, ratio, safeSum } from './numbers.ts';
import { buildTrend } from './trend.ts';
import type { Headline, Headlines, Insights, MoneyHeadline, Thresholds } from './types.ts';

export interface BuildInsightsInput {
  current: ParsedAnalytics;
  previous?: ParsedAnalytics;
  period: Period;
  thresholds?: Partial<Thresholds>;
}

function headline(value: number | null, previous: number | null, points = false): Headline {
  const v = finite(value);
  const p = finite(previous);
  return { value: v, previous: p, change: computeChange(v, p, { points }) };
}

function money(value: number | null, currency: string | null, previous: number | null, previousCurrency: string | null): MoneyHeadline {
  const h = headline(value, previous);
  // Amounts in different currencies cannot be compared.
  const comparable = currency === null || previousCurrency === null || currency === previousCurrency;
  return { ...h, change: comparable ? h.change : { kind: 'none' }, currency, previousCurrency };
}

interface PeriodNumbers {
  conversations: number | null;
  uniqueUsers: number | null;
  interactions: number | null;
  averageInteractions: number | null;
  understoodRate: number | null;
  totalCost: number | null;
  totalCostCurrency: string | null;
  averageCost: number | null;
  averageCostCurrency: string | null;
  callMinutes: number | null;
  tokens: number | null;
}

function numbersOf(data: Analytics): PeriodNumbers {
  const conversations = finite(data.conversations?.total);
  const interactions = finite(data.interactions?.total);
  const understood = data.understoodMessages;
  const totalCost = finite(data.totalCost?.total);
  const totalCostCurrency = data.totalCost?.currency ?? null;
  let averageCost = finite(data.averageCost?.average);
  let averageCostCurrency = data.averageCost?.currency ?? null;
  if (averageCost === null) {
    averageCost = ratio(totalCost, conversations);
    averageCostCurrency = averageCost === null ? null : totalCostCurrency;
  }
  const callSeconds = finite(data.totalCallDuration?.total);
  return {
    conversations,
    uniqueUsers: finite(data.uniqueIps?.total),
    interactions,
    averageInteractions: ratio(interactions, conversations) ?? finite(data.averageInteractions),
    understoodRate: understood ? ratio(Math.min(understood.understood, understood.total), understood.total) : null,
    totalCost,
    totalCostCurrency,
    averageCost,
    averageCostCurrency,
    callMinutes: callSeconds === null ? null : finite(callSeconds / 60),
    tokens: data.tokens ? safeSum(data.tokens.map((t) => t.count)) : null,
  };
}

const topics = (d: Analytics): RawEntry[] | undefined => d.topTopics?.map((t) => ({ key: String(t.id), label: t.label, count: t.count }));
const misunderstood = (d: Analytics): RawEntry[] | undefined =>
  d.topMisunderstoodMessages?.map((t) => ({ key: String(t.id), label: t.label, count: t.count }));
const intents = (d: Analytics): RawEntry[] | undefined => d.topIntents?.map((t) => ({ key: t.name, label: t.name, count: t.count }));
const reasons = (d: Analytics): RawEntry[] | undefined => d.endedReason?.map((r) => ({ key: r.reason, label: r.reason, count: r.count }));
const countries = (d: Analytics): RawEntry[] | undefined =>
  d.conversationsByCountry?.map((c) => ({ key: c.id.trim().toUpperCase(), label: c.id, count: c.value }));
const models = (d: Analytics): RawEntry[] | undefined => d.tokens?.map((t) => ({ key: t.model, label: t.model, count: t.count }));

/** True when some metric other than conversations carries data. */
function hasOtherData(d: Analytics): boolean {
  const series = [d.uniqueIps, d.interactions, d.incomingTextMessages, d.totalCallDuration];
  if (series.some((s) => s !== undefined && s.total > 0)) return true;
  if ((d.totalCost?.total ?? 0) > 0 || (d.averageCost?.average ?? 0) > 0) return true;
  if ((d.understoodMessages?.total ?? 0) > 0 || (d.averageInteractions ?? 0) > 0) return true;
  const lists = [d.conversationsByCountry, d.endedReason, d.topMisunderstoodMessages, d.topTopics, d.tokens, d.topIntents];
  return lists.some((l) => l !== undefined && l.length > 0);
}

export function buildInsights(input: BuildInsightsInput): Insights {
  const cur = input.current.data;
  const prev = input.previous?.data;
  const now = numbersOf(cur);
  const before: Partial<PeriodNumbers> = prev ? numbersOf(prev) : {};
  const p = <K extends keyof PeriodNumbers>(k: K): PeriodNumbers[K] | null => before[k] ?? null;

  const headlines: Headlines = {
    conversations: headline(now.conversations, p('conversations')),
    uniqueUsers: headline(now.uniqueUsers, p('uniqueUsers')),
    interactions: headline(now.interactions, p('interactions')),
    averageInteractionsPerConversation: headline(now.averageInteractions, p('averageInteractions')),
    understoodRate: headline(now.understoodRate, p('understoodRate'), true),
    totalCost: money(now.totalCost, now.totalCostCurrency, p('totalCost'), p('totalCostCurrency')),
    averageCost: money(now.averageCost, now.averageCostCurrency, p('averageCost'), p('averageCostCurrency')),
    callMinutes: headline(now.callMinutes, p('callMinutes')),
  };

  // Shares of the whole, not of ChatDash's top list: topics of all conversations, misunderstood messages of all missed.
  const conversationsOf = (d: Analytics): number | null => finite(d.conversations?.total);
  const missedOf = (d: Analytics): number | null => finite(d.understoodMessages?.missed);
  const topTopics = rankList(topics(cur), prev && topics(prev), now.conversations);
  const topMisunderstood = rankList(misunderstood(cur), prev && misunderstood(prev), missedOf(cur));
  const isVoice = (cur.totalCallDuration?.total ?? 0) > 0 || (cur.endedReason?.length ?? 0) > 0;
  const thresholds = resolveThresholds(input.thresholds);
  const u = cur.understoodMessages;

  return {
    period: input.period,
    isEmpty: now.conversations === 0 || (now.conversations === null && !hasOtherData(cur)),
    isVoice,
    hasPrevious: prev !== undefined,
    headline: headlines,
    understood: u ? { total: u.total, understood: u.understood, missed: u.missed } : null,
    tokens: {
      total: headline(now.tokens, p('tokens')),
      byModel: rankList(models(cur), prev && models(prev), now.tokens),
    },
    topTopics,
    topMisunderstood,
    topIntents: rankList(intents(cur), prev && intents(prev)),
    endedReasons: rankList(reasons(cur), prev && reasons(prev), now.conversations),
    countries: rankList(countries(cur), prev && countries(prev), now.conversations),
    trend: buildTrend(cur.conversations?.counts, input.period),
    previousTrend: prev?.conversations?.counts.length ? prev.conversations.counts.map((c) => finite(c) ?? 0) : null,
    costTrend: buildTrend(cur.totalCost?.counts, input.period),
    highlights: buildHighlights({
      headline: headlines,
      isVoice,
      topics: topTopics,
      previousTopics: prev && rankList(topics(prev), undefined, conversationsOf(prev)),
      misunderstood: topMisunderstood,
      previousMisunderstood: prev && rankList(misunderstood(prev), undefined, missedOf(prev)),
      thresholds,
    }),
    unavailable: [...input.current.unavailable],
  };
}
