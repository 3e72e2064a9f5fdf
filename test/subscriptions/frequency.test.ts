/** The modal's frequencies as crons and back (to prefill an edit), and schedules in words. */
import { describe, expect, it } from 'vitest';
import { cronFromFrequency, describeSchedule, type Frequency, frequencyOf } from '../../src/subscriptions/frequency.ts';

describe('frequencyOf', () => {
  it.each<[string, Frequency]>([
    ['30 7 * * *', { kind: 'daily', time: '07:30' }],
    ['0 9 * * MON', { kind: 'weekly', day: 'MON', time: '09:00' }],
    ['0 9 * * 1', { kind: 'weekly', day: 'MON', time: '09:00' }],
    ['0 9 * * 0', { kind: 'weekly', day: 'SUN', time: '09:00' }],
    ['5 8 1 * *', { kind: 'monthly', dayOfMonth: 1, time: '08:05' }],
    ['0 18 28 * *', { kind: 'monthly', dayOfMonth: 28, time: '18:00' }],
  ])('%s is %o, and that frequency makes the same schedule', (cron, frequency) => {
    expect(frequencyOf(cron)).toEqual(frequency);
    const again = cronFromFrequency(frequency)!;
    expect(frequencyOf(again)).toEqual(frequency);
  });

  it.each(['0 9 * * 1-5', '0 9 31 * *', '*/15 * * * *', '0 9 * 1 *', '0 9 1 * MON', '0 24 * * *', '0 9 * * * *', 'nonsense'])(
    '%s is advanced: the cron as it is',
    (cron) => {
      expect(frequencyOf(cron)).toEqual({ kind: 'advanced', cron });
    },
  );

  it('tidies spaces', () => {
    expect(frequencyOf('  0  9 * *   MON ')).toEqual({ kind: 'weekly', day: 'MON', time: '09:00' });
  });
});

describe('describeSchedule', () => {
  it('says the presets in words, anything else as its cron', () => {
    expect(describeSchedule('0 9 * * MON', 'Europe/Paris')).toBe('Mondays at 09:00 Europe/Paris');
    expect(describeSchedule('15 8 10 * *', 'UTC')).toBe('on the 10th of each month at 08:15 UTC');
    expect(describeSchedule('0 9 * * 1-5', 'UTC')).toBe('cron 0 9 * * 1-5 (UTC)');
  });
});
