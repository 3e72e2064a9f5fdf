/**
 * Alert messages (pure): the post that opens an incident, and the short replies in its thread (daily reminder,
 * "back to normal"), each naming its alert (its name, else what it watches: two alerts on one project post alike).
 * The post says what crossed what, since when, the numbers of the window and the usual value (the same hour and
 * weekday, over how many past weeks) with the method in words, the likely driver, and carries the digest's drill-down buttons, whose values the
 * worker also reads to answer `@ChatDash misunderstood` in the thread. Every block goes through the
 * limit-enforcing builders; every untrusted text (project and alert names, ChatDash labels) is escaped.
 */
import type { KnownBlock } from '@slack/types';
import { capBlocks, context, fields, header, type SlackMessage, section } from '../digest/blocks.ts';
import { drilldownButtons } from '../digest/drilldown-buttons.ts';
import { VIEW_MENTION_WORDS } from '../digest/drilldown-views.ts';
import { type CurrencyDisplay, createFormatter, type Formatter } from '../digest/format.ts';
import { SLACK_LIMITS } from '../digest/limits.ts';
import { escapeMrkdwn, mrkdwnLabel, plainLabel, truncateEscaped } from '../digest/mrkdwn.ts';
import type { DrilldownView } from '../insights/views.ts';
import type { Period, TimeRange } from '../periods/period.ts';
import { MIN_BASELINE_WEEKS, SPREAD_FACTOR, UNUSUAL_RULES } from './baseline.ts';
import { incidentPolicy } from './incident.ts';
import { METRIC_SPECS } from './measures.ts';
import type { AlertDefinition, AlertMetric, Driver, EvaluationSummary, Notice, UnknownReason } from './model.ts';
import { BASELINE_WEEKS, baselineWindows } from './windows.ts';

export interface AlertRenderOptions {
  project: { id: string; name: string };
  /** Default en-US. */
  locale?: string;
  currencyDisplay?: CurrencyDisplay;
  /** The project's ChatDash dashboard URL: an "Open in ChatDash" link button after the drill-downs (default none). */
  dashboardUrl?: string | undefined;
}

/** What each metric's drill-down buttons show, most useful first. */
const VIEWS: Record<AlertMetric['kind'], DrilldownView[]> = {
  understood_rate: ['misunderstood', 'intents', 'topics', 'countries'],
  misunderstood_message: ['misunderstood', 'topics', 'countries'],
  cost_per_conversation: ['costs', 'topics', 'countries'],
  total_cost: ['costs', 'topics', 'countries'],
  tokens: ['costs', 'topics', 'countries'],
  conversations: ['countries', 'topics', 'misunderstood'],
  topic: ['topics', 'countries', 'misunderstood'],
};

const UNKNOWN_WORDS: Record<UnknownReason, string> = {
  chatdash_failed: 'ChatDash did not answer',
  metric_unavailable: 'ChatDash did not return this number',
  low_volume: 'there was too little activity to judge',
  no_baseline: `there is not enough history yet (${MIN_BASELINE_WEEKS} of the last ${BASELINE_WEEKS} weeks are needed)`,
  currency_changed: 'costs are in another currency than in past weeks',
};

/** The metric in a sentence (escaped mrkdwn), capitalised or not. */
export function metricWords(metric: AlertMetric, capital = false): string {
  const cap = (s: string): string => (capital ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  switch (metric.kind) {
    case 'understood_rate':
      return cap('understood rate');
    case 'cost_per_conversation':
      return cap('cost per conversation');
    case 'total_cost':
      return cap('total cost');
    case 'conversations':
      return cap('conversations');
    case 'tokens':
      return metric.model === undefined ? cap('tokens') : `${cap('tokens of')} ${mrkdwnLabel(metric.model, 60)}`;
    case 'misunderstood_message':
      return `${cap('misunderstood message')} “${mrkdwnLabel(metric.item.label, 80)}”`;
    case 'topic':
      return `${cap('topic')} “${mrkdwnLabel(metric.item.label, 80)}”`;
  }
}

/** A value of the metric, formatted for its unit. */
export function formatValue(metric: AlertMetric, value: number | null, currency: string | null, fmt: Formatter): string {
  switch (METRIC_SPECS[metric.kind].unit) {
    case 'rate':
      return fmt.percent(value);
    case 'money':
      return fmt.money(value, currency);
    case 'tokens':
      return fmt.compact(value);
    case 'count':
      return fmt.integer(value);
  }
}

/** "high" or "low" for an unusual breach, from where the value sits against the usual. */
function unusualSide(summary: EvaluationSummary): 'high' | 'low' {
  return summary.value !== null && summary.baseline && summary.value > summary.baseline.median ? 'high' : 'low';
}

/** What crossed what, short (escaped): "unusually low", "above €50.00". */
export function conditionWords(alert: AlertDefinition, summary: EvaluationSummary | undefined, fmt: Formatter): string {
  const c = alert.condition;
  if (c.kind === 'threshold') return `${c.direction} ${formatValue(alert.metric, c.value, summary?.currency ?? null, fmt)}`;
  if (c.direction === 'either') return summary ? `unusually ${unusualSide(summary)}` : 'unusual';
  return `unusually ${c.direction === 'above' ? 'high' : 'low'}`;
}

/** What the alert watches for, whatever the window (escaped): "below 85%", "unusually high or low". */
function definedCondition(alert: AlertDefinition, fmt: Formatter): string {
  const c = alert.condition;
  if (c.kind === 'threshold') return `${c.direction} ${formatValue(alert.metric, c.value, null, fmt)}`;
  return c.direction === 'either' ? 'unusually high or low' : `unusually ${c.direction === 'above' ? 'high' : 'low'}`;
}

/** The alert in one line, for lists and footers (escaped): "Understood rate unusually low · checked hourly". */
export function describeAlert(alert: AlertDefinition, fmt: Formatter): string {
  return `${metricWords(alert.metric, true)} ${definedCondition(alert, fmt)} · checked ${alert.frequency}`;
}

/**
 * Which alert a reply is about, short (escaped mrkdwn, bold): its name, else what it watches ("*Understood rate below
 * 85%*"). Two alerts on one project each reply in their own thread, and each reply says which one it is.
 */
function alertTitle(alert: AlertDefinition, fmt: Formatter): string {
  return alert.name ? `*“${mrkdwnLabel(alert.name, 100)}”*` : `*${metricWords(alert.metric, true)} ${definedCondition(alert, fmt)}*`;
}

/** The alert as people see it in lists and notices (escaped): its name in quotes, else `describeAlert`. */
export function alertLabel(alert: AlertDefinition, locale?: string): string {
  return alert.name ? `“${mrkdwnLabel(alert.name, 100)}”` : describeAlert(alert, createFormatter({ locale }));
}

interface WindowWords {
  /** "between 14:00 and 15:00 on Tue, Nov 24" / "on Tue, Nov 24" */
  when: string;
  /** "14:00–15:00, Tue, Nov 24" / "Tue, Nov 24": a label */
  label: string;
  /** "that hour" / "that day" */
  unit: string;
  /**
   * "Tue 14:00–15:00" / "Tuesday": the drill-down's period label, without the date, which the drill-down's header
   * adds after it with the year, as for a digest's drill-downs ("*Tue 14:00–15:00* · Nov 24, 2026 · Europe/Paris").
   */
  drilldown: string;
}

function windowWords(window: TimeRange, alert: AlertDefinition, fmt: Formatter): WindowWords {
  const start = new Date(window.start);
  const end = new Date(window.end);
  const day = new Intl.DateTimeFormat(fmt.locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: alert.timeZone }).format(
    start,
  );
  const weekday = (style: 'short' | 'long') =>
    new Intl.DateTimeFormat(fmt.locale, { weekday: style, timeZone: alert.timeZone }).format(start);
  if (alert.frequency === 'daily') return { when: `on ${day}`, label: day, unit: 'that day', drilldown: weekday('long') };
  const clock = new Intl.DateTimeFormat(fmt.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: alert.timeZone });
  const [from, to] = [clock.format(start), clock.format(end)];
  return {
    when: `between ${from} and ${to} on ${day}`,
    label: `${from}–${to}, ${day}`,
    unit: 'that hour',
    drilldown: `${weekday('short')} ${from}–${to}`,
  };
}

/** "14:00 on Tue, Nov 24" (hourly) or "Tue, Nov 24" (daily): when an incident started or ended. */
function sinceWords(instant: string, alert: AlertDefinition, fmt: Formatter): string {
  const at = new Date(instant);
  const day = new Intl.DateTimeFormat(fmt.locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: alert.timeZone }).format(
    at,
  );
  if (alert.frequency === 'daily') return day;
  const clock = new Intl.DateTimeFormat(fmt.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: alert.timeZone,
  }).format(at);
  return `${clock} on ${day}`;
}

function durationWords(fromIso: string, toIso: string, fmt: Formatter): string {
  const minutes = Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes >= 48 * 60) return `${fmt.integer(Math.round(minutes / 1440))} days`;
  return fmt.duration(minutes);
}

/** The number behind a value: "412 of 579 messages understood", "over 320 conversations". */
function volumeWords(alert: AlertDefinition, summary: EvaluationSummary, fmt: Formatter): string | undefined {
  if (summary.volume === null) return undefined;
  switch (alert.metric.kind) {
    case 'understood_rate':
      return summary.understood === undefined
        ? undefined
        : `${fmt.integer(summary.understood)} of ${fmt.integer(summary.volume)} messages understood`;
    case 'cost_per_conversation':
    case 'total_cost':
      return `${fmt.integer(summary.volume)} conversations`;
    default:
      return undefined;
  }
}

/** "Tuesdays": the window's weekday in the alert's time zone (English, as the rest of the message). */
function weekdays(window: TimeRange, alert: AlertDefinition): string {
  return `${new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: alert.timeZone }).format(new Date(window.start))}s`;
}

/**
 * "Usually *92.6%* at this hour on Tuesdays (typical range 89.6%–95.6%, over the last 4 weeks)." — and, when some past
 * weeks had no usable data, how many the usual value rests on. Or why there is no usual value.
 */
function usualWords(alert: AlertDefinition, summary: EvaluationSummary, window: TimeRange, fmt: Formatter): string {
  const b = summary.baseline;
  if (!b) return 'No usual value yet: not enough history.';
  const v = (x: number): string => formatValue(alert.metric, x, summary.currency, fmt);
  const when = `${alert.frequency === 'hourly' ? 'at this hour ' : ''}on ${weekdays(window, alert)}`;
  const missing = b.wanted - b.weeks;
  const over =
    missing > 0
      ? `from ${fmt.integer(b.weeks)} of the last ${fmt.integer(b.wanted)} weeks: ${missing === 1 ? 'one' : fmt.integer(missing)} had too little data`
      : `over the last ${fmt.integer(b.wanted)} weeks`;
  return `Usually *${v(b.median)}* ${when} (typical range ${v(b.low)}–${v(b.high)}, ${over}).`;
}

/** The method in words, for the message's footer. */
export function methodWords(alert: AlertDefinition, fmt: Formatter): string {
  const rules = UNUSUAL_RULES[alert.metric.kind];
  const spec = METRIC_SPECS[alert.metric.kind];
  const minVolume = alert.minVolume ?? rules.minVolume;
  const span = alert.frequency === 'hourly' ? 'hour' : 'day';
  const amount =
    spec.unit === 'money'
      ? `${formatValue(alert.metric, minVolume, null, fmt)} ${rules.volumeUnit}`
      : `${fmt.integer(minVolume)} ${rules.volumeUnit}`;
  const volume = spec.ratio ? `at least ${amount} in the ${span}` : `at least ${amount} now or usually`;
  if (alert.condition.kind === 'threshold') {
    return spec.ratio ? `Checked every ${span}; judged only with ${volume}.` : `Checked every ${span}.`;
  }
  return (
    `“Unusual” = outside the typical range of the same ${span === 'hour' ? 'hour on the same weekday' : 'weekday'} over the last ${BASELINE_WEEKS} weeks ` +
    `(median ± ${SPREAD_FACTOR} × robust spread, from the median absolute deviation). ` +
    `Judged only with ${volume}, ${MIN_BASELINE_WEEKS} weeks of history and a change of at least ${escapeMrkdwn(rules.changeWords)}` +
    (incidentPolicy(alert).fireAfter > 1 ? `; fires when ${incidentPolicy(alert).fireAfter} ${span}s in a row are unusual.` : '.')
  );
}

function driverWords(driver: Driver, unit: string, fmt: Formatter): string {
  const label = mrkdwnLabel(driver.label, 80);
  const n = (x: number): string => (driver.kind === 'model' ? fmt.compact(x) : fmt.integer(x));
  const what: Record<Driver['kind'], string> = {
    misunderstood: `the misunderstood message “${label}”`,
    topic: `the topic “${label}”`,
    country: `conversations from ${label}`,
    model: `tokens of ${label}`,
  };
  return `*Likely driver:* ${what[driver.kind]}: *${n(driver.now)}* ${unit}, usually ${n(driver.usual)}.`;
}

/**
 * The drill-down period of a window: the window itself, compared with the same window a week before. Its label leaves
 * the date to the drill-down's header, which shows the period's dates after the label (else it said the day twice:
 * "11:00–12:00, Tue, Nov 17 · Nov 17, 2026").
 */
function drilldownPeriod(window: TimeRange, alert: AlertDefinition, fmt: Formatter): Period {
  const previous = baselineWindows(alert.frequency, alert.timeZone, window, 1)[0] ?? window;
  return {
    start: window.start,
    end: window.end,
    previous,
    timeZone: alert.timeZone,
    days: 1,
    label: windowWords(window, alert, fmt).drilldown,
  };
}

function buttonsBlock(alert: AlertDefinition, window: TimeRange, options: AlertRenderOptions, fmt: Formatter): KnownBlock | undefined {
  return drilldownButtons(VIEWS[alert.metric.kind], {
    project: options.project.id,
    period: drilldownPeriod(window, alert, fmt),
    locale: options.locale,
    currencyDisplay: options.currencyDisplay,
    dashboardUrl: options.dashboardUrl,
  });
}

function headerText(alert: AlertDefinition, summary: EvaluationSummary, options: AlertRenderOptions, fmt: Formatter): string {
  const name = plainLabel(options.project.name, 80);
  const own = alert.name ? `${plainLabel(alert.name, 60)}: ` : '';
  // The metric words are mrkdwn-escaped already; a header is plain text, which Slack escapes the same way.
  return truncateEscaped(
    `🚨 ${own}${metricWords(alert.metric, !own)} ${conditionWords(alert, summary, fmt)} · ${name}`,
    SLACK_LIMITS.headerText,
  );
}

function fireMessage(alert: AlertDefinition, notice: Notice, options: AlertRenderOptions, fmt: Formatter): SlackMessage {
  const s = notice.summary;
  const ww = windowWords(notice.window, alert, fmt);
  const value = formatValue(alert.metric, s.value, s.currency, fmt);
  const volume = volumeWords(alert, s, fmt);
  const c = alert.condition;
  const crossed =
    c.kind === 'threshold'
      ? `${c.direction} your threshold of *${formatValue(alert.metric, c.value, s.currency, fmt)}*`
      : `${conditionWords(alert, s, fmt)}`;
  const tz = mrkdwnLabel(alert.timeZone.replace(/_/g, ' '), 64);
  const main =
    `*${metricWords(alert.metric, true)}* was *${value}*${volume ? ` (${volume})` : ''} ${ww.when} (${tz}): ${crossed}.\n` +
    usualWords(alert, s, notice.window, fmt);
  const blocks: KnownBlock[] = [header(headerText(alert, s, options, fmt)), section(main)];
  const facts = [
    `*Since*\n${sinceWords(notice.incident, alert, fmt)}`,
    `*Project*\n${mrkdwnLabel(options.project.name, 150)}`,
    `*Alert*\n${alert.name ? `“${mrkdwnLabel(alert.name, 100)}”: ${describeAlert(alert, fmt)}` : describeAlert(alert, fmt)}`,
  ];
  blocks.push(fields(facts));
  if (s.driver) blocks.push(section(driverWords(s.driver, ww.unit, fmt)));
  const buttons = buttonsBlock(alert, notice.window, options, fmt);
  if (buttons) blocks.push(buttons);
  const words = VIEWS[alert.metric.kind].map((v) => VIEW_MENTION_WORDS[v]);
  const views = `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
  blocks.push(
    context([
      methodWords(alert, fmt),
      `I’ll stay quiet while this lasts, remind you here once a day, and say when it’s back to normal. Mention me in this thread with ${views} for details.`,
    ]),
  );
  const text = `${escapeMrkdwn(options.project.name)}: ${namePrefix(alert)}${metricWords(alert.metric)} ${conditionWords(alert, s, fmt)}: ${value} ${ww.when}${s.baseline ? ` (usually ${formatValue(alert.metric, s.baseline.median, s.currency, fmt)})` : ''}.`;
  return { text: truncateEscaped(text, SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks) };
}

/** "understood rate *69%* between 13:00 and 14:00 on Wed, Nov 25 (usually 91%)", or why the latest check could not say. */
function latestWords(alert: AlertDefinition, notice: Notice, fmt: Formatter): string {
  const s = notice.summary;
  const ww = windowWords(notice.window, alert, fmt);
  if (s.outcome === 'unknown' || s.value === null) {
    return `the check of ${ww.label} could not judge: ${UNKNOWN_WORDS[s.reason ?? 'metric_unavailable']}`;
  }
  const usual = s.baseline ? ` (usually ${formatValue(alert.metric, s.baseline.median, s.currency, fmt)})` : '';
  return `${metricWords(alert.metric)} *${formatValue(alert.metric, s.value, s.currency, fmt)}* ${ww.when}${usual}`;
}

/** "“Night bot quality”: " for a named alert (escaped), else nothing: the fallback texts say which alert. */
function namePrefix(alert: AlertDefinition): string {
  return alert.name ? `“${mrkdwnLabel(alert.name, 100)}”: ` : '';
}

function reminderMessage(alert: AlertDefinition, notice: Notice, options: AlertRenderOptions, fmt: Formatter): SlackMessage {
  const since = sinceWords(notice.incident, alert, fmt);
  const condition = conditionWords(alert, notice.summary, fmt);
  const sofar = durationWords(notice.incident, notice.window.end, fmt);
  const who = alert.name ? `*“${mrkdwnLabel(alert.name, 100)}”*: ${metricWords(alert.metric)}` : `*${metricWords(alert.metric, true)}*`;
  const body = `:hourglass_flowing_sand: ${who} still ${condition} since ${since} (${sofar} so far). Latest: ${latestWords(alert, notice, fmt)}.`;
  const text = `${escapeMrkdwn(options.project.name)}: ${namePrefix(alert)}${metricWords(alert.metric)} still ${condition} since ${since}.`;
  return { text: truncateEscaped(text, SLACK_LIMITS.fallbackText), blocks: [section(body)] };
}

function recoveryMessage(alert: AlertDefinition, notice: Notice, options: AlertRenderOptions, fmt: Formatter): SlackMessage {
  const back = notice.recoveredSince ?? notice.window.start;
  const lasted = durationWords(notice.incident, back, fmt);
  const what = alert.name ? `“${mrkdwnLabel(alert.name, 100)}”` : `${metricWords(alert.metric)} ${definedCondition(alert, fmt)}`;
  const latest = `Latest: ${latestWords(alert, notice, fmt)}.`;
  if (!notice.threadTs && notice.breach) {
    // No thread to reply in: the opening post never reached the channel, so this says what it recovers from.
    const condition = conditionWords(alert, notice.breach.summary, fmt);
    const since = sinceWords(notice.incident, alert, fmt);
    const worst = latestWords(alert, { ...notice, ...notice.breach }, fmt);
    const body =
      `:white_check_mark: ${alertTitle(alert, fmt)} is back to normal since ${sinceWords(back, alert, fmt)}. ` +
      `It had been ${condition} since ${since} (${lasted}), but my post when it started could not be delivered here. ` +
      `Last bad check: ${worst}. ${latest}`;
    const text = `${escapeMrkdwn(options.project.name)}: ${what} is back to normal; it started at ${since} and lasted ${lasted} (my first post about it could not be delivered).`;
    return { text: truncateEscaped(text, SLACK_LIMITS.fallbackText), blocks: [section(body)] };
  }
  const body = `:white_check_mark: ${alertTitle(alert, fmt)} is back to normal since ${sinceWords(back, alert, fmt)} (it lasted ${lasted}). ${latest}`;
  const text = `${escapeMrkdwn(options.project.name)}: ${what} is back to normal (it lasted ${lasted}).`;
  return { text: truncateEscaped(text, SLACK_LIMITS.fallbackText), blocks: [section(body)] };
}

/**
 * The message for a notice. A reminder or recovery without its incident's thread (the opening post could not be
 * delivered) also names the project and alert, since it stands alone; such a recovery also says what it recovers from.
 */
export function renderAlertNotice(alert: AlertDefinition, notice: Notice, options: AlertRenderOptions): SlackMessage {
  const fmt = createFormatter(options);
  if (notice.kind === 'fire') return fireMessage(alert, notice, options, fmt);
  const message = notice.kind === 'reminder' ? reminderMessage(alert, notice, options, fmt) : recoveryMessage(alert, notice, options, fmt);
  if (notice.threadTs) return message;
  const who = `*${mrkdwnLabel(options.project.name, 150)}* · ${alert.name ? mrkdwnLabel(alert.name, 100) : describeAlert(alert, fmt)}`;
  return { text: message.text, blocks: [context([who]), ...message.blocks] };
}
