/** The every-minute schedule tick of `npm run dev`: on each minute's start, by the wall clock, errors reported. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTicker } from '../../src/dev/ticker.ts';

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
});
