import { describe, expect, it } from 'vitest';
import {
  BASE_SETTLE_MS,
  baselineWindows,
  inQuietHours,
  isSilenced,
  latestCompleteWindow,
  nextCheckAfter,
  SETTLE_SPREAD_MS,
  settleMs,
  windowContaining,
} from '../../src/alerts/windows.ts';

const at = (iso: string) => new Date(iso);

describe('check windows', () => {
  it('hourly windows are local hours, daily ones local days (23 h on the spring-forward day)', () => {
    expect(windowContaining('hourly', 'Europe/Paris', Date.parse('2026-11-17T10:30:00Z'))).toEqual({
      start: '2026-11-17T10:00:00.000Z',
      end: '2026-11-17T11:00:00.000Z',
    });
    expect(windowContaining('hourly', 'Asia/Kolkata', Date.parse('2026-11-17T10:10:00Z'))).toEqual({
      start: '2026-11-17T09:30:00.000Z',
      end: '2026-11-17T10:30:00.000Z',
    });
    expect(windowContaining('daily', 'Europe/Paris', Date.parse('2026-03-29T12:00:00Z'))).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
  });

  it('a check looks at the latest window that ended at least the settle time ago', () => {
    const settle = 7 * 60_000;
    expect(latestCompleteWindow('hourly', 'UTC', at('2026-11-17T11:07:00Z'), settle)).toEqual({
      start: '2026-11-17T10:00:00.000Z',
      end: '2026-11-17T11:00:00.000Z',
    });
    expect(latestCompleteWindow('hourly', 'UTC', at('2026-11-17T11:06:59Z'), settle).end).toBe('2026-11-17T10:00:00.000Z');
    expect(latestCompleteWindow('daily', 'America/New_York', at('2026-11-17T05:10:00Z'), settle)).toEqual({
      start: '2026-11-16T05:00:00.000Z',
      end: '2026-11-17T05:00:00.000Z',
    });
  });

  it('the next check is due the settle time after the next window ends', () => {
    const settle = 9 * 60_000;
    const w = { start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T11:00:00.000Z' };
    expect(nextCheckAfter('hourly', 'UTC', w, settle).toISOString()).toBe('2026-11-17T12:09:00.000Z');
  });

  it('each project checks at its own minute between 5 and 14 past, always the same', () => {
    const offsets = ['acme', 'bella', 'shop', 'quiet', 'p1', 'p2', 'p3', 'p4'].map(settleMs);
    for (const o of offsets) {
      expect(o).toBeGreaterThanOrEqual(BASE_SETTLE_MS);
      expect(o).toBeLessThan(BASE_SETTLE_MS + SETTLE_SPREAD_MS);
      expect(o % 60_000).toBe(0);
    }
    expect(new Set(offsets).size).toBeGreaterThan(1);
    expect(settleMs('acme')).toBe(offsets[0]);
  });

  it('the baseline is the same local hours of the same weekday, keeping wall-clock time across DST', () => {
    // Tue 2026-11-03 14:00–15:00 Paris (UTC+1); four weeks back crosses the end of summer time on Oct 25.
    const w = { start: '2026-11-03T13:00:00.000Z', end: '2026-11-03T14:00:00.000Z' };
    expect(baselineWindows('hourly', 'Europe/Paris', w)).toEqual([
      { start: '2026-10-27T13:00:00.000Z', end: '2026-10-27T14:00:00.000Z' },
      { start: '2026-10-20T12:00:00.000Z', end: '2026-10-20T13:00:00.000Z' },
      { start: '2026-10-13T12:00:00.000Z', end: '2026-10-13T13:00:00.000Z' },
      { start: '2026-10-06T12:00:00.000Z', end: '2026-10-06T13:00:00.000Z' },
    ]);
    const day = { start: '2026-11-02T23:00:00.000Z', end: '2026-11-03T23:00:00.000Z' };
    expect(baselineWindows('daily', 'Europe/Paris', day, 1)).toEqual([
      { start: '2026-10-26T23:00:00.000Z', end: '2026-10-27T23:00:00.000Z' },
    ]);
  });
});

describe('quiet hours and mutes', () => {
  const paris = 'Europe/Paris';
  it.each([
    [{ start: '22:00', end: '07:00' }, '2026-11-17T21:30:00Z', true], // 22:30 Paris
    [{ start: '22:00', end: '07:00' }, '2026-11-17T05:59:00Z', true], // 06:59 Paris
    [{ start: '22:00', end: '07:00' }, '2026-11-17T06:00:00Z', false], // 07:00 Paris
    [{ start: '12:00', end: '14:00' }, '2026-11-17T11:30:00Z', true], // 12:30 Paris
    [{ start: '12:00', end: '14:00' }, '2026-11-17T13:00:00Z', false], // 14:00 Paris
    [undefined, '2026-11-17T03:00:00Z', false],
  ])('%j at %s → %s', (quiet, time, expected) => {
    expect(inQuietHours(quiet, paris, at(time))).toBe(expected);
  });

  it('a mute silences until it ends', () => {
    const options = { timeZone: paris, mutedUntil: '2026-11-18T10:00:00.000Z' };
    expect(isSilenced(options, at('2026-11-18T09:59:00Z'))).toBe(true);
    expect(isSilenced(options, at('2026-11-18T10:00:00Z'))).toBe(false);
  });
});
