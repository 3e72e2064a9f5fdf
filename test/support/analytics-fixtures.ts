/** Realistic ChatDash analytics for a text bot and a voice bot, plus a period, for the insight/digest tests. */
import type { Analytics, MetricName, ParsedAnalytics } from '../../src/chatdash/schema.ts';
import type { Period } from '../../src/periods/period.ts';

/** Last 7 days in Paris: Mon Nov 9 – Sun Nov 15, 2026. */
export function period(overrides: Partial<Period> = {}): Period {
  return {
    start: '2026-11-08T23:00:00.000Z',
    end: '2026-11-15T23:00:00.000Z',
    previous: { start: '2026-11-01T23:00:00.000Z', end: '2026-11-08T23:00:00.000Z' },
    timeZone: 'Europe/Paris',
    days: 7,
    label: 'Last 7 days',
    ...overrides,
  };
}

export function parsed(data: Analytics, unavailable: MetricName[] = []): ParsedAnalytics {
  return { data, unavailable };
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function series(counts: number[]): { counts: number[]; total: number } {
  return { counts, total: sum(counts) };
}

/** A website text bot, this week. */
export function textBot(overrides: Analytics = {}): ParsedAnalytics {
  const conversations = [120, 180, 210, 160, 140, 60, 45];
  return parsed({
    conversations: series(conversations),
    uniqueIps: series([100, 150, 170, 140, 120, 50, 40]),
    interactions: series([480, 700, 860, 640, 560, 240, 170]),
    averageInteractions: 4,
    understoodMessages: { total: 3000, understood: 2550, missed: 450 },
    totalCost: { counts: [6, 9, 10.5, 8, 7, 3, 2.25], total: 45.75, currency: 'EUR' },
    averageCost: { counts: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], average: 0.05, currency: 'EUR' },
    tokens: [
      { model: 'gpt-4o-mini', count: 1_800_000 },
      { model: 'gpt-4o', count: 450_000 },
    ],
    topTopics: [
      { id: 't1', label: 'Opening hours', count: 240 },
      { id: 't2', label: 'Delivery times', count: 190 },
      { id: 't3', label: 'Returns & refunds', count: 150 },
      { id: 't4', label: 'Prices', count: 90 },
      { id: 't5', label: 'Store locations', count: 70 },
      { id: 't6', label: 'Gift cards', count: 40 },
      { id: 't7', label: 'Careers', count: 15 },
    ],
    topMisunderstoodMessages: [
      { id: 'm1', label: 'do u ship to norway??', count: 30 },
      { id: 'm2', label: 'asdf', count: 12 },
      { id: 'm3', label: 'can I talk to a human', count: 9 },
    ],
    topIntents: [
      { name: 'opening_hours', count: 230 },
      { name: 'delivery', count: 180 },
    ],
    endedReason: [],
    conversationsByCountry: [
      { id: 'FR', value: 600 },
      { id: 'BE', value: 150 },
      { id: 'CH', value: 90 },
      { id: 'DE', value: 75 },
    ],
    ...overrides,
  });
}

/** The same text bot, the week before. */
export function textBotPrevious(overrides: Analytics = {}): ParsedAnalytics {
  return parsed({
    conversations: series([100, 150, 150, 130, 120, 50, 50]),
    uniqueIps: series([90, 130, 130, 110, 100, 45, 45]),
    interactions: series([400, 600, 600, 520, 480, 200, 200]),
    averageInteractions: 4,
    understoodMessages: { total: 2500, understood: 2200, missed: 300 },
    totalCost: { counts: [5, 7.5, 7.5, 6.5, 6, 2.5, 2.5], total: 37.5, currency: 'EUR' },
    averageCost: { counts: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], average: 0.05, currency: 'EUR' },
    tokens: [
      { model: 'gpt-4o-mini', count: 1_500_000 },
      { model: 'gpt-4o', count: 400_000 },
    ],
    topTopics: [
      { id: 't1', label: 'Opening hours', count: 200 },
      { id: 't2', label: 'Delivery times', count: 160 },
      { id: 't4', label: 'Prices', count: 100 },
      { id: 't5', label: 'Store locations', count: 60 },
      { id: 't6', label: 'Gift cards', count: 50 },
    ],
    topMisunderstoodMessages: [{ id: 'm2', label: 'asdf', count: 10 }],
    topIntents: [{ name: 'opening_hours', count: 190 }],
    endedReason: [],
    conversationsByCountry: [
      { id: 'FR', value: 500 },
      { id: 'BE', value: 150 },
    ],
    ...overrides,
  });
}

/** The text bot's week before with "Returns & refunds" at a negligible 5 (so it is new this week, "up from 5"). */
export function textBotPreviousReturnsNegligible(): ParsedAnalytics {
  const topics = textBotPrevious().data.topTopics ?? [];
  return textBotPrevious({ topTopics: [...topics, { id: 't3', label: 'Returns & refunds', count: 5 }] });
}

/** A phone (voice) bot, this week: call duration in seconds and ended reasons. */
export function voiceBot(overrides: Analytics = {}): ParsedAnalytics {
  return parsed({
    conversations: series([30, 42, 38, 45, 40, 12, 8]),
    uniqueIps: series([28, 40, 35, 41, 37, 11, 8]),
    interactions: series([300, 420, 380, 450, 400, 120, 80]),
    totalCallDuration: series([5400, 7560, 6840, 8100, 7200, 2160, 1440]),
    totalCost: { counts: [9, 12.6, 11.4, 13.5, 12, 3.6, 2.4], total: 64.5, currency: 'USD' },
    averageCost: { counts: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3], average: 0.3, currency: 'USD' },
    endedReason: [
      { reason: 'customer-ended-call', count: 140 },
      { reason: 'assistant-ended-call', count: 50 },
      { reason: 'silence-timed-out', count: 15 },
      { reason: 'pipeline-error-openai-llm-failed', count: 10 },
    ],
    tokens: [{ model: 'gpt-4o', count: 900_000 }],
    topTopics: [
      { id: 'a', label: 'Book an appointment', count: 120 },
      { id: 'b', label: 'Cancel an appointment', count: 50 },
    ],
    topMisunderstoodMessages: [],
    understoodMessages: { total: 1500, understood: 1400, missed: 100 },
    conversationsByCountry: [{ id: 'US', value: 215 }],
    ...overrides,
  });
}

/** The voice bot the week before. */
export function voiceBotPrevious(): ParsedAnalytics {
  return parsed({
    conversations: series([25, 35, 30, 40, 35, 10, 5]),
    totalCallDuration: series([4500, 6300, 5400, 7200, 6300, 1800, 900]),
    totalCost: { counts: [7.5, 10.5, 9, 12, 10.5, 3, 1.5], total: 54, currency: 'USD' },
    averageCost: { counts: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3], average: 0.3, currency: 'USD' },
    understoodMessages: { total: 1200, understood: 1150, missed: 50 },
  });
}

export const PROJECT = { id: 'proj_123', name: 'Acme Shop' } as const;

/** Labels that try everything: mentions, links, entities, huge emoji runs, RTL text, markup, 5,000 characters. */
export const HOSTILE_LABELS = [
  '<!channel> everyone look',
  '<!here>',
  '<@U123>',
  '<https://evil.example|click here>',
  '<#C0123|general>',
  'Tom & Jerry &amp; &lt;b&gt;',
  '👨‍👩‍👧‍👦🏳️‍🌈👍🏽'.repeat(300),
  'مرحبا بالعالم שלום עולם',
  `*bold* _italic_ ~strike~ \`code\`\n\n> quote\n• fake bullet`,
  'x'.repeat(5000),
  '&'.repeat(5000),
  '<'.repeat(5000),
];

/** Analytics whose every list has `n` hostile items and whose numbers are absurd. */
export function hostileAnalytics(n: number): Analytics {
  const label = (i: number): string => HOSTILE_LABELS[i % HOSTILE_LABELS.length] as string;
  return {
    conversations: { counts: Array.from({ length: 7 }, (_, i) => 1e15 + i), total: 9.99e300 },
    uniqueIps: { counts: [], total: 1e200 },
    interactions: { counts: [], total: Number.MAX_VALUE },
    understoodMessages: { total: 1e20, understood: 5e19, missed: 5e19 },
    totalCost: { counts: [], total: 1e300, currency: 'XYZ' },
    averageCost: { counts: [], average: 123456789.123456, currency: 'EUR' },
    totalCallDuration: { counts: [], total: 1e250 },
    tokens: Array.from({ length: n }, (_, i) => ({ model: `${label(i)}${i}`, count: n - i })),
    topTopics: Array.from({ length: n }, (_, i) => ({ id: i, label: label(i), count: n - i })),
    topMisunderstoodMessages: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, label: label(i + 3), count: n - i })),
    topIntents: Array.from({ length: n }, (_, i) => ({ name: `${label(i)}${i}`, count: i })),
    endedReason: Array.from({ length: n }, (_, i) => ({ reason: `${label(i)}-${i}`, count: n - i })),
    conversationsByCountry: Array.from({ length: n }, (_, i) => ({
      id: i % 3 === 0 ? `FR${String(i)}` : i % 3 === 1 ? label(i) : String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)),
      value: n - i,
    })),
  };
}

export const hostileProject = { id: 'proj_<!channel>', name: `<!channel> ${'Ã'.repeat(4000)} & co` };
