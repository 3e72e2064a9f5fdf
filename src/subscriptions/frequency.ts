/**
 * The subscribe modal's frequencies (daily / weekly on a day / monthly on a day / advanced: a 5-field cron) and
 * schedules in words for lists ("Mondays at 09:00 Europe/Paris"), both ways: a frequency to its cron, and a cron
 * back to the frequency that makes it (to prefill the modal when editing). Pure and light (no cron library): the
 * modal is built on the HTTP function's ack path.
 */
export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The modal's frequency choices. `time` is Slack's timepicker value, `HH:mm`. */
export type Frequency =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; day: Weekday; time: string }
  | { kind: 'monthly'; dayOfMonth: number; time: string }
  | { kind: 'advanced'; cron: string };

/** The cron for a frequency, or undefined when the time or day is not one (the UI shows a field error). */
export function cronFromFrequency(frequency: Frequency): string | undefined {
  if (frequency.kind === 'advanced') return frequency.cron.trim().replace(/\s+/g, ' ');
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(frequency.time.trim());
  if (!match) return undefined;
  const at = `${Number(match[2])} ${Number(match[1])}`;
  switch (frequency.kind) {
    case 'daily':
      return `${at} * * *`;
    case 'weekly':
      return WEEKDAYS.includes(frequency.day) ? `${at} * * ${frequency.day}` : undefined;
    case 'monthly':
      // Up to the 28th: every month has it.
      return Number.isInteger(frequency.dayOfMonth) && frequency.dayOfMonth >= 1 && frequency.dayOfMonth <= 28
        ? `${at} ${frequency.dayOfMonth} * *`
        : undefined;
  }
}

const DAY_WORDS: Record<Weekday, string> = {
  SUN: 'Sundays',
  MON: 'Mondays',
  TUE: 'Tuesdays',
  WED: 'Wednesdays',
  THU: 'Thursdays',
  FRI: 'Fridays',
  SAT: 'Saturdays',
};
const DAY_NUMBERS: Record<string, Weekday> = {
  '0': 'SUN',
  '1': 'MON',
  '2': 'TUE',
  '3': 'WED',
  '4': 'THU',
  '5': 'FRI',
  '6': 'SAT',
  '7': 'SUN',
};

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/**
 * A schedule in words for lists: "Mondays at 09:00 Europe/Paris", "every day at 07:30 UTC", "on the 1st of each
 * month at 08:00 America/New_York"; anything else as its cron (`cron 0 9 * * 1-5`, Europe/Paris). Plain text: the UI
 * puts it in mrkdwn with `escapeMrkdwn` (time zones and cron fields are safe, but the rule is the rule).
 */
export function describeSchedule(schedule: string, timeZone: string): string {
  const fields = schedule.trim().split(/\s+/);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const simple = (v: string | undefined) => v !== undefined && /^\d{1,2}$/.test(v);
  if (fields.length === 5 && simple(minute) && simple(hour) && month === '*') {
    const at = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const day = dayOfWeek?.toUpperCase();
    const weekday = day && (WEEKDAYS.includes(day as Weekday) ? (day as Weekday) : DAY_NUMBERS[day]);
    if (dayOfMonth === '*' && day === '*') return `every day at ${at} ${timeZone}`;
    if (dayOfMonth === '*' && weekday) return `${DAY_WORDS[weekday]} at ${at} ${timeZone}`;
    if (simple(dayOfMonth) && day === '*') return `on the ${ordinal(Number(dayOfMonth))} of each month at ${at} ${timeZone}`;
  }
  return `cron ${schedule.trim()} (${timeZone})`;
}

/**
 * The modal's frequency that makes `schedule`: every day, a weekday or a day of the month at a time, or else
 * `advanced` with the cron as it is. The inverse of `cronFromFrequency` for the crons it writes.
 */
export function frequencyOf(schedule: string): Frequency {
  const cron = schedule.trim().replace(/\s+/g, ' ');
  const [minute, hour, dayOfMonth, month, dayOfWeek, ...rest] = cron.split(' ');
  const simple = (v: string | undefined, max: number) => v !== undefined && /^\d{1,2}$/.test(v) && Number(v) <= max;
  if (rest.length > 0 || month !== '*' || !simple(minute, 59) || !simple(hour, 23)) return { kind: 'advanced', cron };
  const time = `${String(Number(hour)).padStart(2, '0')}:${String(Number(minute)).padStart(2, '0')}`;
  const day = dayOfWeek?.toUpperCase();
  const weekday = day === undefined ? undefined : WEEKDAYS.includes(day as Weekday) ? (day as Weekday) : DAY_NUMBERS[day];
  if (dayOfMonth === '*' && day === '*') return { kind: 'daily', time };
  if (dayOfMonth === '*' && weekday) return { kind: 'weekly', day: weekday, time };
  if (simple(dayOfMonth, 28) && Number(dayOfMonth) >= 1 && day === '*') return { kind: 'monthly', dayOfMonth: Number(dayOfMonth), time };
  return { kind: 'advanced', cron };
}
