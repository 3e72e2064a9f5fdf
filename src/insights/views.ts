/** The drill-down views a digest links to (button values, @mention words, subscription config). */
export const DRILLDOWN_VIEWS = ['topics', 'misunderstood', 'intents', 'costs', 'countries', 'ended_reasons'] as const;
export type DrilldownView = (typeof DRILLDOWN_VIEWS)[number];
