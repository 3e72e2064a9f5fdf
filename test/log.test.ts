/**
 * The structured logger writes what the CloudWatch metric filters of serverless.yml match: each filter on a log line's
 * `level` (`{ $.level = "error" }`) names a field and value the logger writes on its error lines, and on no others.
 */
import { describe, expect, it } from 'vitest';
import { createLog, type LogLevel } from '../src/log.ts';
import { stack } from './support/serverless-yml.ts';

/** `{ $.field = "value" }`: the only shape of JSON filter pattern this test reads. */
function parsePattern(pattern: string): { field: string; value: string } {
  const match = /^\{\s*\$\.([A-Za-z_]+)\s*=\s*"([^"]*)"\s*\}$/.exec(pattern);
  if (!match) throw new Error(`filter pattern not understood by this test: ${pattern}`);
  return { field: match[1]!, value: match[2]! };
}

const levelFilters = Object.entries(stack.resources.Resources)
  .filter(([, r]) => r.Type === 'AWS::Logs::MetricFilter' && String(r.Properties.FilterPattern).includes('$.level'))
  .map(([id, r]) => ({ id, ...parsePattern(String(r.Properties.FilterPattern)) }));

function lineOf(level: LogLevel, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const lines: string[] = [];
  createLog({ write: (line) => lines.push(line) })(level, 'test.event', fields);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('the logger and the error-log metric filters', () => {
  it('there are filters on the level (worker, deadletter, schedule)', () => {
    expect(levelFilters.map((f) => f.id).sort()).toEqual(['DeadletterErrorLogsMetric', 'ScheduleErrorLogsMetric', 'WorkerErrorLogsMetric']);
  });

  it.each(levelFilters)('$id matches the logger\u2019s error lines, and only those', ({ field, value }) => {
    expect(lineOf('error', { alertId: 'a1' })[field]).toBe(value);
    for (const level of ['debug', 'info', 'warn'] as const) expect(lineOf(level)[field]).not.toBe(value);
  });

  it('a field named like the level or the event cannot change them (the filter reads the real level)', () => {
    const line = lineOf('error', { level: 'info', event: 'spoofed' });
    expect(line).toMatchObject({ level: 'error', event: 'test.event' });
    expect(lineOf('info', { level: 'error' }).level).toBe('info');
    expect(Object.keys(line).slice(0, 2)).toEqual(['level', 'event']);
  });
});
