/** Instants in a subscription's own time zone, and last deliveries in words. */
import { describe, expect, it } from 'vitest';
import { describeDelivery, formatInstant } from '../../../src/slack/subscriptions/when.ts';

describe('formatInstant', () => {
  it('is in the time zone given (DST included), UTC when that zone is unknown', () => {
    expect(formatInstant('2026-11-30T08:00:00.000Z', 'Europe/Paris')).toBe('Mon, Nov 30, 09:00');
    expect(formatInstant('2026-07-01T08:00:00.000Z', 'Europe/Paris')).toBe('Wed, Jul 1, 10:00');
    expect(formatInstant('2026-11-30T08:00:00.000Z', 'America/New_York')).toBe('Mon, Nov 30, 03:00');
    expect(formatInstant('2026-11-30T08:00:00.000Z', 'Mars/Olympus')).toBe('Mon, Nov 30, 08:00 UTC');
    expect(formatInstant('not a date', 'UTC')).toBe('not a date');
  });
});

describe('describeDelivery', () => {
  it('posted, or failed and why (known codes in words, others as they are)', () => {
    expect(describeDelivery({ result: 'posted', at: '2026-11-23T08:00:00.000Z', trigger: 'send_now' }, 'UTC')).toBe(
      ':white_check_mark: posted Mon, Nov 23, 08:00 (Send now)',
    );
    expect(describeDelivery({ result: 'failed', at: '2026-11-23T08:00:00.000Z', reason: 'is_archived' }, 'UTC')).toBe(
      ':x: failed Mon, Nov 23, 08:00: the channel is archived',
    );
    expect(describeDelivery({ result: 'failed', at: '2026-11-23T08:00:00.000Z', reason: 'chatdash:unavailable' }, 'UTC')).toContain(
      'chatdash:unavailable',
    );
    expect(describeDelivery({ result: 'failed', at: '2026-11-23T08:00:00.000Z' }, 'UTC')).toContain('unknown reason');
  });
});
