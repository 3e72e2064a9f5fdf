import { describe, expect, it } from 'vitest';
import {
  type ChatDashCheck,
  type ChatDashOutage,
  OUTAGE_REPORT_AFTER_FAILURES,
  outageNews,
  recordChatDashCheck,
} from '../../src/alerts/outage.ts';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-17T10:00:00.000Z');
/** The check of the hour `h` hours after 10:00 UTC, run 7 minutes after it ends. */
const hourly = (h: number, ok = false): ChatDashCheck => ({
  ok,
  window: { start: new Date(START + h * HOUR).toISOString(), end: new Date(START + (h + 1) * HOUR).toISOString() },
  now: new Date(START + (h + 1) * HOUR + 7 * 60_000),
  ...(ok ? {} : { error: 'unavailable' }),
});

function run(checks: ChatDashCheck[], from?: ChatDashOutage): Array<ChatDashOutage | undefined> {
  const out: Array<ChatDashOutage | undefined> = [];
  let record = from;
  for (const check of checks) {
    record = recordChatDashCheck(record, check);
    out.push(record);
  }
  return out;
}

describe('ChatDash outages', () => {
  it('is reported on the 6th failed check in a row, once, and cleared by the first answer', () => {
    const records = run(Array.from({ length: 9 }, (_, h) => hourly(h)));
    expect(records.map((r) => r?.failures)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const reported = records.findIndex((r) => r?.reportedAt !== undefined);
    expect(reported).toBe(OUTAGE_REPORT_AFTER_FAILURES - 1);
    expect(records.map((r, i) => outageNews(records[i - 1], r))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'blocked',
      undefined,
      undefined,
      undefined,
    ]);
    const last = records.at(-1)!;
    expect(last).toMatchObject({ since: '2026-11-17T10:00:00.000Z', lastError: 'unavailable', reportedAt: records[5]!.reportedAt });
    expect(recordChatDashCheck(last, hourly(9, true))).toBeUndefined();
    expect(outageNews(last, undefined)).toBe('unblocked');
    // A short outage that was never reported ends quietly.
    expect(outageNews(records[2], undefined)).toBeUndefined();
  });

  it('counts a window once: its other jobs and their redeliveries, or an older window checked late, change nothing', () => {
    const [first] = run([hourly(0)]);
    expect(recordChatDashCheck(first, hourly(0))).toBe(first);
    const daily = { ok: false, window: { start: '2026-11-16T23:00:00.000Z', end: '2026-11-17T11:00:00.000Z' }, now: hourly(0).now };
    expect(recordChatDashCheck(first, daily)).toBe(first);
  });

  it('a project checked daily is reported after a day of failures (its second failed check)', () => {
    const day = (d: number): ChatDashCheck => ({
      ok: false,
      window: { start: new Date(START + d * 24 * HOUR).toISOString(), end: new Date(START + (d + 1) * 24 * HOUR).toISOString() },
      now: new Date(START + (d + 1) * 24 * HOUR + 7 * 60_000),
      error: 'rate_limited',
    });
    const records = run([day(0), day(1)]);
    expect(records[0]?.reportedAt).toBeUndefined();
    expect(records[1]).toMatchObject({ failures: 2, reportedAt: day(1).now.toISOString(), lastError: 'rate_limited' });
  });

  it('keeps only error kinds it can name', () => {
    expect(recordChatDashCheck(undefined, { ...hourly(0), error: 'Something <bad>' })?.lastError).toBeUndefined();
  });
});
