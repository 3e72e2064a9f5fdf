/** Checking what a person typed in the subscribe/edit modal, frequency presets, and schedules in words. */
import { describe, expect, it } from 'vitest';
import {
  checkSubscriptionInput,
  cronFromFrequency,
  describeSchedule,
  firesMoreThanHourly,
  type SubscriptionInput,
  TOO_FREQUENT,
} from '../../src/subscriptions/input.ts';

const context = { allowedProjects: ['acme', 'bella'], maxRangeDays: 366, now: new Date('2026-11-19T10:00:00Z') };
const good: SubscriptionInput = { project: 'acme', schedule: '0 9 * * MON', timeZone: 'Europe/Paris', period: 'last week' };

describe('checkSubscriptionInput', () => {
  it('accepts good settings, trimmed, leaving unset options out', () => {
    expect(checkSubscriptionInput({ ...good, schedule: ' 0  9 * * MON ', locale: '', sections: undefined }, context)).toEqual({
      ok: true,
      value: { project: 'acme', schedule: '0 9 * * MON', timeZone: 'Europe/Paris', period: 'last week' },
    });
    const full = checkSubscriptionInput({ ...good, locale: 'en-GB', currencyDisplay: 'code', sections: ['costs', 'headline'] }, context);
    expect(full).toEqual({
      ok: true,
      value: expect.objectContaining({ locale: 'en-GB', currencyDisplay: 'code', sections: ['headline', 'costs'] }),
    });
  });

  it('reports every bad field at once, keyed by field, without echoing what was typed', () => {
    const result = checkSubscriptionInput(
      {
        project: 'quiet',
        schedule: '0 9 * MON <!channel>',
        timeZone: 'Mars/Base',
        period: 'fortnight',
        locale: 'xx-!!',
        currencyDisplay: 'emoji',
        sections: ['headline', 'gossip'],
      },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['currencyDisplay', 'locale', 'project', 'schedule', 'sections', 'timeZone']);
    expect(JSON.stringify(result.errors)).not.toMatch(/<!channel>|Mars|gossip|emoji|xx-/);
    // The period is checked in the time zone, so a bad zone hides its verdict; with a good zone it is reported.
    const period = checkSubscriptionInput({ ...good, period: 'fortnight' }, context);
    expect(period).toEqual({ ok: false, errors: { period: expect.stringContaining('last week') } });
  });

  // Advanced (5-field cron) schedules run at most hourly: the minute field must pick one minute.
  it.each([
    { cron: '0 * * * *', ok: true },
    { cron: '30 9 * * MON-FRI', ok: true },
    { cron: '15 8,12,18 * * *', ok: true },
    { cron: '0 */1 * * *', ok: true },
    { cron: '* * * * *', ok: false },
    { cron: '*/15 * * * *', ok: false },
    { cron: '0,30 9 * * MON', ok: false },
    { cron: '0-1 9 * * *', ok: false },
    { cron: '59,0 * * * *', ok: false },
  ])('cron $cron: at most hourly → $ok', ({ cron, ok }) => {
    expect(firesMoreThanHourly(cron)).toBe(!ok);
    const result = checkSubscriptionInput({ ...good, schedule: cron }, context);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors).toEqual({ schedule: TOO_FREQUENT });
  });

  it('names the wrong cron field in its own words, never repeating what was typed (croner\u2019s message would)', () => {
    expect(checkSubscriptionInput({ ...good, schedule: '0 99 * * MON' }, context)).toEqual({
      ok: false,
      errors: {
        schedule: 'This is not a valid cron expression: its hour field is wrong (5 fields: minute hour day-of-month month day-of-week).',
      },
    });
    const injected = checkSubscriptionInput({ ...good, schedule: '0 9 * <!here>*x* MON' }, context);
    expect(injected).toEqual({
      ok: false,
      errors: {
        schedule: 'This is not a valid cron expression: its month field is wrong (5 fields: minute hour day-of-month month day-of-week).',
      },
    });
  });

  it('refuses a cron that never runs, an empty section list and a period longer than allowed', () => {
    expect(checkSubscriptionInput({ ...good, schedule: '0 9 30 2 *' }, context)).toEqual({
      ok: false,
      errors: { schedule: 'This schedule never runs: no date matches it.' },
    });
    expect(checkSubscriptionInput({ ...good, sections: [] }, context)).toMatchObject({
      ok: false,
      errors: { sections: 'Pick at least one section.' },
    });
    expect(checkSubscriptionInput({ ...good, period: '400d' }, context)).toMatchObject({
      ok: false,
      errors: { period: expect.any(String) },
    });
    expect(checkSubscriptionInput({ ...good, schedule: '* '.repeat(200) }, context)).toMatchObject({
      ok: false,
      errors: { schedule: expect.any(String) },
    });
  });
});

describe('cronFromFrequency and describeSchedule', () => {
  it('turns the modal’s presets into cron, and refuses times and days that are not', () => {
    expect(cronFromFrequency({ kind: 'daily', time: '07:30' })).toBe('30 7 * * *');
    expect(cronFromFrequency({ kind: 'weekly', day: 'MON', time: '09:00' })).toBe('0 9 * * MON');
    expect(cronFromFrequency({ kind: 'monthly', dayOfMonth: 1, time: '08:05' })).toBe('5 8 1 * *');
    expect(cronFromFrequency({ kind: 'advanced', cron: ' 0 9  * * 1-5 ' })).toBe('0 9 * * 1-5');
    expect(cronFromFrequency({ kind: 'daily', time: '24:00' })).toBeUndefined();
    expect(cronFromFrequency({ kind: 'monthly', dayOfMonth: 31, time: '08:00' })).toBeUndefined();
  });

  it('says a schedule in words where it can, else shows its cron', () => {
    expect(describeSchedule('0 9 * * MON', 'Europe/Paris')).toBe('Mondays at 09:00 Europe/Paris');
    expect(describeSchedule('30 7 * * *', 'UTC')).toBe('every day at 07:30 UTC');
    expect(describeSchedule('0 8 1 * *', 'America/New_York')).toBe('on the 1st of each month at 08:00 America/New_York');
    expect(describeSchedule('0 9 * * 0', 'UTC')).toBe('Sundays at 09:00 UTC');
    expect(describeSchedule('0 9 * * 1-5', 'Europe/Paris')).toBe('cron 0 9 * * 1-5 (Europe/Paris)');
  });
});
