/** The every-minute schedule tick of `npm run dev`: on each minute's start, by the wall clock, errors reported. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduleTicker, startTicker } from '../../src/dev/ticker.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-23T08:59:30.400Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startTicker', () => {
  it('ticks at the start of every minute with that minute as the time, until stopped', async () => {
    const ticks: string[] = [];
    const ticker = startTicker({ tick: async (at) => void ticks.push(at.toISOString()), onError: () => {} });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks).toEqual(['2026-11-23T09:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ticks).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-23T09:01:00.000Z', '2026-11-23T09:02:00.000Z']);
    ticker.stop();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(ticks).toHaveLength(3);
  });

  it('a failing tick is reported and the next one still comes', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const ticker = startTicker({
      tick: async () => {
        n += 1;
        if (n === 1) throw new Error('queue down');
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(90_000);
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
    ticker.stop();
  });

  it('the dev bot’s tick runs the real schedule handler, and a failed tick is one error line saying why', async () => {
    // Monday 23 November 2026, 08:00 UTC: acme-weekly (09:00 Paris) is due, and the queue refuses it.
    vi.setSystemTime(new Date('2026-11-23T07:59:30Z'));
    const { log, entries } = recordingLog();
    const queue: JobQueue = { send: () => Promise.reject(new Error('the queue is down')) };
    const ticker = startScheduleTicker(createScheduleHandler({ config: demoConfig, env: {}, queue, log }));
    await vi.advanceTimersByTimeAsync(30_000);
    ticker.stop();
    const failed = entries().filter((l) => /tick/.test(String(l.event)) && l.level === 'error');
    expect(failed).toEqual([
      expect.objectContaining({
        event: 'schedule.tick_failed',
        tick: '2026-11-23T08:00:00.000Z',
        errorMessage: '1 of 1 digest jobs could not be queued',
      }),
    ]);
  });
});
