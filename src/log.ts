/**
 * Structured JSON logs, one line per event (CloudWatch-friendly). Callers pass only fields that are safe to
 * keep: ids, counts, error kinds. Never tokens, keys, response URLs or message text.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type Log = (level: LogLevel, event: string, fields?: LogFields) => void;

export function createLog(options: { quiet?: boolean; write?: (line: string) => void } = {}): Log {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return (level, event, fields = {}) => {
    if (options.quiet && level !== 'error') return;
    // `level` and `event` stay the logger's own (first, and never a field's): CloudWatch metric filters match
    // `{ $.level = "error" }` on these lines (serverless.yml).
    const line: LogFields = { level, event, ...fields, time: new Date().toISOString() };
    line.level = level;
    line.event = event;
    write(JSON.stringify(line));
  };
}

/**
 * Alarms of their own (serverless.yml, `<name>Alarm`) that already count what some error lines report: a dead job
 * (DeadLetters), a channel's bindings unreadable (StateBindingsUnavailable), a failed schedule tick (ScheduleErrors).
 */
export type CoveringAlarm = 'DeadLetters' | 'StateBindingsUnavailable' | 'ScheduleErrors';
export const COVERING_ALARMS: readonly CoveringAlarm[] = ['DeadLetters', 'StateBindingsUnavailable', 'ScheduleErrors'];

/**
 * The field that marks a log line as already counted by `alarm`: each function's error-log metric filter leaves out
 * the lines that carry it (`$.alarm NOT EXISTS`), so one incident notifies once. Spread it into the line's fields.
 */
export function coveredBy(alarm: CoveringAlarm): { alarm: CoveringAlarm } {
  return { alarm };
}

/** Error details fit for a log line: the class and message of our own errors, never a stack with request data. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message };
  return { errorName: typeof error };
}
