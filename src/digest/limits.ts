/**
 * Slack's Block Kit limits (docs.slack.dev, Block Kit reference). Every renderer stays within them by
 * construction; the tests check.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  /** Context element text shares the section text limit. */
  contextText: 3000,
  /** Image block `alt_text` and `title`. */
  imageAltText: 2000,
  imageTitle: 2000,
  /** Top-level `text` fallback: Slack accepts far more, but notifications show little; keep it short. */
  fallbackText: 3000,
} as const;

/** Our own practical caps, tighter than Slack's, so messages stay readable and well under size limits. */
export const PRACTICAL_LIMITS = {
  /** Longest label shown in the digest lists. */
  digestLabel: 80,
  /** Longest label shown in a drill-down list. */
  drilldownLabel: 200,
  /** Items listed per digest list. */
  digestListItems: 5,
  /** Items listed in a drill-down before "… and N more". */
  drilldownItems: 100,
  /** Total characters of list text in one drill-down message. */
  drilldownChars: 12_000,
  /** Points in the trend sparkline (longer series are averaged down). */
  sparklinePoints: 31,
} as const;
