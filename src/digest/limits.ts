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
  /** Confirm dialogs (a button's `confirm`): title, text, and the confirm/deny buttons. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/**
 * Slack's limits on views (modals and the App Home tab) and their input elements (docs.slack.dev: modal-views,
 * home-tab-views, block elements and composition objects). The Slack double checks views against them too.
 */
export const VIEW_LIMITS = {
  /** Modal `title`, `submit` and `close` (plain text). */
  modalTitle: 24,
  modalButton: 24,
  /** A modal or a Home tab holds at most 100 blocks. */
  blocks: 100,
  privateMetadata: 3000,
  callbackId: 255,
  /** Input block `label` and `hint`. */
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  /** A select's options (static and multi-static). */
  selectOptions: 100,
  /** A checkboxes element's options. */
  checkboxOptions: 10,
  optionText: 75,
  optionValue: 150,
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
