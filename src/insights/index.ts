export { buildInsights, type BuildInsightsInput } from './build.ts';
export { DEFAULT_THRESHOLDS, resolveThresholds } from './highlights.ts';
export { DIGEST_METRICS, DRILLDOWN_METRICS } from './metrics.ts';
export { computeChange } from './numbers.ts';
export { DRILLDOWN_VIEWS, type DrilldownView } from './views.ts';
export type * from './types.ts';
