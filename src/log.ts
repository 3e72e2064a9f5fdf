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
    write(JSON.stringify({ level, event, ...fields, time: new Date().toISOString() }));
  };
}

/** Error details fit for a log line: the class and message of our own errors, never a stack with request data. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message };
  return { errorName: typeof error };
}
