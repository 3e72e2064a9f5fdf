/** The real JSON log (`createLog`) writing to memory, so tests can read what was logged, and check what never was. */
import { createLog, type Log, type LogFields, type LogLevel } from '../../src/log.ts';

export interface LogLine extends LogFields {
  level: LogLevel;
  event: string;
}

export interface RecordingLog {
  log: Log;
  /** Every line as written (JSON), oldest first: search these for secrets. */
  lines: string[];
  /** The lines parsed. */
  entries(): LogLine[];
  /** The parsed lines of one event. */
  events(event: string): LogLine[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  const entries = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
  return {
    log: createLog({ write: (line) => lines.push(line) }),
    lines,
    entries,
    events: (event) => entries().filter((line) => line.event === event),
  };
}
