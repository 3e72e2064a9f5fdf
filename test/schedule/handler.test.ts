/**
 * The schedule tick (dueDigestJobs) on the demo configuration: acme-weekly is "0 9 * * MON" in Europe/Paris,
 * bella-weekly "30 8 * * MON" in America/New_York. Ticks are every minute, late by a few seconds, sometimes
 * skipped; each digest must be found, and every tick that finds it must name the same digest (idempotency key).
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import type { DigestJob } from '../../src/jobs/schema.ts';
import { dueDigestJobs, LOOKBACK_MINUTES } from '../../src/schedule/handler.ts';
import { digestIdempotencyKey, resolveDigest } from '../../src/worker/digest.ts';
import { demoConfig } from '../support/config.ts';

const config = demoConfig;
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

function names(jobs: DigestJob[]): Array<[string, string]> {
  return jobs.map((j) => [j.subscription, j.scheduledFor]);
}

/** Every-minute ticks from `start` (inclusive) to `end` (exclusive), each `jitterMs(i)` late; `skip(i)` drops a tick. */
function runTicks(
  cfg: Config,
  start: string,
  end: string,
  options: { jitterMs?: (i: number) => number; skip?: (i: number) => boolean } = {},
) {
  const found: Array<{ tick: Date; job: DigestJob; key: string }> = [];
  const first = at(start).getTime();
  const stop = at(end).getTime();
  for (let i = 0; first + i * MINUTE < stop; i++) {
    if (options.skip?.(i)) continue;
    const tick = new Date(first + i * MINUTE + (options.jitterMs?.(i) ?? 0));
    for (const job of dueDigestJobs(cfg, tick)) found.push({ tick, job, key: digestIdempotencyKey(job, cfg) });
  }
  return found;
}

describe('dueDigestJobs on the demo configuration', () => {
  it('finds each subscription at 09:00 Paris / 08:30 New York on a winter Monday (UTC+1, UTC-5)', () => {
    expect(names(dueDigestJobs(config, at('2026-11-23T08:00:00Z')))).toEqual([['acme-weekly', '2026-11-23T08:00:00.000Z']]);
    expect(names(dueDigestJobs(config, at('2026-11-23T13:30:00Z')))).toEqual([['bella-weekly', '2026-11-23T13:30:00.000Z']]);
    // The same minutes in the other zone's terms find nothing.
    expect(dueDigestJobs(config, at('2026-11-23T09:00:00Z'))).toEqual([]);
    expect(dueDigestJobs(config, at('2026-11-23T08:30:00Z'))).toEqual([]);
    const [job] = dueDigestJobs(config, at('2026-11-23T08:00:00Z'));
    expect(job).toEqual({ kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' });
  });

  it('follows summer time: 07:00 and 12:30 UTC in June', () => {
    expect(names(dueDigestJobs(config, at('2026-06-15T07:00:00Z')))).toEqual([['acme-weekly', '2026-06-15T07:00:00.000Z']]);
    expect(names(dueDigestJobs(config, at('2026-06-15T12:30:00Z')))).toEqual([['bella-weekly', '2026-06-15T12:30:00.000Z']]);
    expect(dueDigestJobs(config, at('2026-06-15T08:00:00Z'))).toEqual([]);
    expect(dueDigestJobs(config, at('2026-06-15T13:30:00Z'))).toEqual([]);
  });

  it('handles the weeks when only one side of the Atlantic has changed its clocks', () => {
    // 9 March 2026: New York is already on EDT (since 8 March), Paris still on CET (until 29 March).
    expect(names(dueDigestJobs(config, at('2026-03-09T08:00:00Z')))).toEqual([['acme-weekly', '2026-03-09T08:00:00.000Z']]);
    expect(names(dueDigestJobs(config, at('2026-03-09T12:30:00Z')))).toEqual([['bella-weekly', '2026-03-09T12:30:00.000Z']]);
    // 26 October 2026: Paris is back on CET (since 25 October), New York still on EDT (until 1 November).
    expect(names(dueDigestJobs(config, at('2026-10-26T08:00:00Z')))).toEqual([['acme-weekly', '2026-10-26T08:00:00.000Z']]);
    expect(names(dueDigestJobs(config, at('2026-10-26T12:30:00Z')))).toEqual([['bella-weekly', '2026-10-26T12:30:00.000Z']]);
    // The Monday after Paris springs forward: 07:00 UTC.
    expect(names(dueDigestJobs(config, at('2026-03-30T07:00:00Z')))).toEqual([['acme-weekly', '2026-03-30T07:00:00.000Z']]);
  });

  it('a digest due just after a DST change covers the calendar week in local time (167 hours)', () => {
    const [job] = dueDigestJobs(config, at('2026-03-30T07:00:00Z'));
    expect(job).toBeDefined();
    const resolved = resolveDigest(job as DigestJob, config);
    if ('error' in resolved) throw new Error(resolved.error);
    // Mon 23 March 00:00 CET .. Mon 30 March 00:00 CEST.
    expect(resolved.period.start).toBe('2026-03-22T23:00:00.000Z');
    expect(resolved.period.end).toBe('2026-03-29T22:00:00.000Z');
    expect((Date.parse(resolved.period.end) - Date.parse(resolved.period.start)) / 3_600_000).toBe(167);
  });

  it('ignores seconds of jitter: a tick late in its minute finds the occurrence, one early in the minute before does not', () => {
    for (const tick of ['2026-11-23T08:00:00.001Z', '2026-11-23T08:00:37.500Z', '2026-11-23T08:00:59.999Z']) {
      expect(names(dueDigestJobs(config, at(tick)))).toEqual([['acme-weekly', '2026-11-23T08:00:00.000Z']]);
    }
    // 07:59:59.9 rounds down to 07:59: the occurrence is not due yet.
    expect(dueDigestJobs(config, at('2026-11-23T07:59:59.900Z'))).toEqual([]);
  });

  it(`looks back ${LOOKBACK_MINUTES} minutes: a skipped tick loses nothing, and the window stays bounded`, () => {
    expect(LOOKBACK_MINUTES).toBeGreaterThanOrEqual(2);
    // The 08:00 tick never ran: the 08:01 tick (late by 12 s) still finds the 08:00 digest.
    expect(names(dueDigestJobs(config, at('2026-11-23T08:01:12Z')))).toEqual([['acme-weekly', '2026-11-23T08:00:00.000Z']]);
    // Beyond the lookback it is gone (it would otherwise be found by every later tick).
    const lastMinute = new Date(at('2026-11-23T08:00:00Z').getTime() + (LOOKBACK_MINUTES - 1) * MINUTE + 30_000);
    expect(dueDigestJobs(config, lastMinute)).toHaveLength(1);
    expect(dueDigestJobs(config, new Date(at('2026-11-23T08:00:00Z').getTime() + LOOKBACK_MINUTES * MINUTE))).toEqual([]);
  });

  it('two adjacent ticks both find the digest, and both jobs have the same idempotency key', () => {
    const first = dueDigestJobs(config, at('2026-11-23T08:00:03Z'));
    const second = dueDigestJobs(config, at('2026-11-23T08:01:04Z'));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    const [a, b] = [first[0] as DigestJob, second[0] as DigestJob];
    expect(digestIdempotencyKey(a, config)).toBe(digestIdempotencyKey(b, config));
    expect(digestIdempotencyKey(a, config)).toBe('digest:acme-weekly:2026-11-15T23:00:00.000Z/2026-11-22T23:00:00.000Z');
    // A manual run of the same subscription is a different digest: it posts again.
    const manual: DigestJob = { ...a, trigger: 'manual', scheduledFor: '2026-11-23T10:15:00.000Z' };
    expect(digestIdempotencyKey(manual, config)).not.toBe(digestIdempotencyKey(a, config));
    // Next week's digest has another key.
    const nextWeek = dueDigestJobs(config, at('2026-11-30T08:00:00Z'))[0] as DigestJob;
    expect(digestIdempotencyKey(nextWeek, config)).not.toBe(digestIdempotencyKey(a, config));
  });

  it('a month of jittery, sometimes skipped every-minute ticks across both DST changes: each Monday digest once per key', () => {
    // 2 March .. 6 April 2026 covers New York's (8 March) and Paris's (29 March) spring-forward.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Every minute of each Monday up to 16:00 UTC, and all of one Sunday and Tuesday (when nothing is due).
    const mondays = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'];
    const windows: Array<[string, string]> = [
      ...mondays.map((d): [string, string] => [`${d}T00:00:00Z`, `${d}T16:00:00Z`]),
      ['2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z'],
      ['2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'],
    ];
    const found = windows
      .flatMap(([start, end]) =>
        runTicks(config, start, end, {
          jitterMs: () => Math.floor(random() * 20_000),
          // Skip every 7th tick and the tick of each digest's exact minute (07:00, 08:00, 12:30, 13:30 UTC).
          skip: (i) => i % 7 === 3 || [420, 480, 750, 810].includes(i),
        }),
      )
      .sort((a, b) => Date.parse(a.job.scheduledFor) - Date.parse(b.job.scheduledFor));
    const byKey = new Map<string, Array<{ tick: Date; job: DigestJob }>>();
    for (const f of found) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
    const digests = [...byKey.values()].map((hits) => [hits[0]!.job.subscription, hits[0]!.job.scheduledFor]);
    expect(digests).toEqual([
      ['acme-weekly', '2026-03-02T08:00:00.000Z'],
      ['bella-weekly', '2026-03-02T13:30:00.000Z'],
      ['acme-weekly', '2026-03-09T08:00:00.000Z'],
      ['bella-weekly', '2026-03-09T12:30:00.000Z'],
      ['acme-weekly', '2026-03-16T08:00:00.000Z'],
      ['bella-weekly', '2026-03-16T12:30:00.000Z'],
      ['acme-weekly', '2026-03-23T08:00:00.000Z'],
      ['bella-weekly', '2026-03-23T12:30:00.000Z'],
      ['acme-weekly', '2026-03-30T07:00:00.000Z'],
      ['bella-weekly', '2026-03-30T12:30:00.000Z'],
      ['acme-weekly', '2026-04-06T07:00:00.000Z'],
      ['bella-weekly', '2026-04-06T12:30:00.000Z'],
    ]);
    for (const hits of byKey.values()) {
      // Every tick that found this digest found the very same occurrence, within the lookback after it.
      expect(new Set(hits.map((h) => h.job.scheduledFor)).size).toBe(1);
      expect(hits.length).toBeGreaterThanOrEqual(1);
      expect(hits.length).toBeLessThanOrEqual(LOOKBACK_MINUTES);
      for (const h of hits) {
        const lag = h.tick.getTime() - Date.parse(h.job.scheduledFor);
        expect(lag).toBeGreaterThanOrEqual(0);
        expect(lag).toBeLessThan(LOOKBACK_MINUTES * MINUTE);
      }
    }
  });
});
