/** Bolt and the Web API client log through our structured log, so their lines are JSON like ours and never dump requests. */
import { type Logger, LogLevel } from '@slack/logger';
import type { Log } from '../log.ts';

/**
 * Bolt's and the Web API client's log lines, through our structured log under `event`, at INFO and above
 * (their DEBUG level dumps whole requests, response URLs included).
 */
export function slackLogger(log: Log, event: string): Logger {
  let level = LogLevel.INFO;
  const line =
    (lvl: 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      log(lvl, event, { message: msg.map(String).join(' ').slice(0, 500) });
  return {
    debug: () => {},
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
