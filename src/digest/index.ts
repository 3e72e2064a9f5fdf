export { blockKitBuilderUrl } from './builder-link.ts';
export type { SlackMessage } from './blocks.ts';
export {
  decodeDrilldownRef,
  DRILLDOWN_VIEWS,
  DrilldownRef,
  drilldownActionId,
  encodeDrilldownRef,
  parseDrilldownWord,
  viewOfActionId,
  type DrilldownView,
} from './drilldown-ref.ts';
export { createFormatter, NOT_AVAILABLE, type CurrencyDisplay, type Formatter } from './format.ts';
export { PRACTICAL_LIMITS, SLACK_LIMITS } from './limits.ts';
export { cleanLabel, escapeMrkdwn, mrkdwnLabel, truncate } from './mrkdwn.ts';
export { DIGEST_SECTIONS, renderDigest, type DigestSection, type RenderOptions } from './render-digest.ts';
export { renderDrilldown } from './render-drilldown.ts';
export { sparkline } from './sparkline.ts';
export { renderForTerminal } from './terminal.ts';
