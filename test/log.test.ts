/**
 * The structured logger writes what the CloudWatch metric filters of serverless.yml match: each filter on a log line's
 * `level` (`{ $.level = "error" … }`, evaluated as CloudWatch does) matches the logger's error lines, and no others.
 */
import { describe, expect, it } from 'vitest';
import { createLog, type LogLevel } from '../src/log.ts';
import { filterMatches } from './support/metric-filter.ts';
import { stack } from './support/serverless-yml.ts';

const levelFilters = Object.entries(stack.resources.Resources)
  .filter(([, r]) => r.Type === 'AWS::Logs::MetricFilter' && String(r.Properties.FilterPattern).includes('$.level'))
  .map(([id, r]) => ({ id, pattern: String(r.Properties.FilterPattern) }));

function rawLineOf(level: LogLevel, fields: Record<string, unknown> = {}): string {
  const lines: string[] = [];
  createLog({ write: (line) => lines.push(line) })(level, 'test.event', fields);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const lineOf = (level: LogLevel, fields: Record<string, unknown> = {}) => JSON.parse(rawLineOf(level, fields)) as Record<string, unknown>;

describe('the logger and the error-log metric filters', () => {
  it('there are filters on the level (http, worker, deadletter, schedule)', () => {
    expect(levelFilters.map((f) => f.id).sort()).toEqual([
      'DeadletterErrorLogsMetric',
      'HttpErrorLogsMetric',
      'ScheduleErrorLogsMetric',
      'WorkerErrorLogsMetric',
    ]);
  });

  it.each(levelFilters)('$id matches the logger\u2019s error lines, and only those', ({ pattern }) => {
    expect(filterMatches(pattern, rawLineOf('error', { alertId: 'a1' }))).toBe(true);
    for (const level of ['debug', 'info', 'warn'] as const) expect(filterMatches(pattern, rawLineOf(level))).toBe(false);
  });

  it('a field named like the level or the event cannot change them (the filter reads the real level)', () => {
    const line = lineOf('error', { level: 'info', event: 'spoofed' });
    expect(line).toMatchObject({ level: 'error', event: 'test.event' });
    expect(lineOf('info', { level: 'error' }).level).toBe('info');
    expect(Object.keys(line).slice(0, 2)).toEqual(['level', 'event']);
  });
});

describe('the filter evaluator (test/support/metric-filter.ts), as CloudWatch reads the terms serverless.yml uses', () => {
  const pattern = '{ $.level = "error" && $.alarm NOT EXISTS }';

  it('NOT EXISTS: a line without the field; one holding null has it (that is IS NULL)', () => {
    expect(filterMatches(pattern, '{"level":"error","event":"x"}')).toBe(true);
    expect(filterMatches(pattern, '{"level":"error","event":"x","alarm":"DeadLetters"}')).toBe(false);
    expect(filterMatches(pattern, '{"level":"error","event":"x","alarm":null}')).toBe(false);
    expect(filterMatches(pattern, '{"event":"x"}')).toBe(false);
    expect(filterMatches(pattern, 'not json')).toBe(false);
  });

  it('throws on what it does not model, rather than guess', () => {
    for (const unread of ['{ $.event != "x" }', '{ $.event = "x*" }', '{ $.a = "x" || $.b = "y" }', '{ $.n > 1 }', '{ $.a.b = "x" }']) {
      expect(() => filterMatches(unread, '{"event":"x"}'), unread).toThrow(/not understood/);
    }
    expect(() => filterMatches('{ $.level = "1" }', '{"level":1}')).toThrow(/not modelled/);
  });
});
