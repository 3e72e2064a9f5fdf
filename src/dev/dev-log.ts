/**
 * The structured log of `npm run dev`, for a person at a terminal: one short line per event
 * (`09:41:07 info  job.done kind=stats outcome=answered ms=183`) instead of JSON, and no every-minute
 * "nothing due" ticks unless asked for. The same fields as in AWS: never a secret.
 */
import type { Log, LogFields, LogLevel } from '../log.ts';

export interface DevLogOptions {
  write: (line: string) => void;
  /** Also debug lines and idle schedule ticks (default false). */
  verbose?: boolean;
  /** Colour warnings and errors (default false). */
  colour?: boolean;
  /** The clock (default the system's). */
  now?: () => Date;
}

const COLOURS: Partial<Record<LogLevel, string>> = { warn: '\x1b[33m', error: '\x1b[31m', debug: '\x1b[2m' };

/** Lines only `--verbose` shows: the tick that found nothing due comes every minute. */
function isChatter(event: string, fields: LogFields): boolean {
  return event === 'schedule.tick' && fields.due === 0;
}

export function formatLogLine(level: LogLevel, event: string, fields: LogFields, at: Date): string {
  const time = at.toTimeString().slice(0, 8);
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value)}`);
  return [time, level.padEnd(5), event, ...pairs].join(' ');
}

export function createDevLog(options: DevLogOptions): Log {
  const now = options.now ?? (() => new Date());
  return (level, event, fields = {}) => {
    if (!options.verbose && (level === 'debug' || isChatter(event, fields))) return;
    const line = formatLogLine(level, event, fields, now());
    const colour = options.colour ? COLOURS[level] : undefined;
    options.write(colour ? `${colour}${line}\x1b[0m` : line);
  };
}
