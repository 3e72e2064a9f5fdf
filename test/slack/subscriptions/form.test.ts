/**
 * The modal's values: defaults, a subscription's values, what Slack sends back (untrusted: bounded, wrong shapes
 * ignored), the service's input they make, and the service's field errors under the blocks the modal shows.
 */
import { describe, expect, it } from 'vitest';
import {
  BLOCK,
  blockErrors,
  defaultFormValues,
  EVERY,
  formInput,
  formValuesOf,
  readFormState,
  SEVERAL,
  shownBlocks,
} from '../../../src/slack/subscriptions/form.ts';

const base = defaultFormValues({ timeZone: 'Europe/Paris', project: 'acme' });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });

describe('readFormState', () => {
  it('reads every kind of element, over what the modal showed', () => {
    const values = readFormState(
      {
        project: { 'form:project': { type: 'static_select', selected_option: { value: 'bella' } } },
        frequency: { 'form:frequency': { type: 'static_select', selected_option: { value: 'monthly' } } },
        day_of_month: select('12'),
        time: { value: { type: 'timepicker', selected_time: '18:45' } },
        time_zone: { value: { type: 'plain_text_input', value: 'America/New_York' } },
        period: select('yesterday'),
        locale: select('fr-FR'),
        sections: { value: { type: 'checkboxes', selected_options: [{ value: 'headline' }, { value: 'costs' }] } },
      },
      base,
    );
    expect(values).toMatchObject({
      coverage: 'one',
      project: 'bella',
      frequency: 'monthly',
      dayOfMonth: 12,
      time: '18:45',
      timeZone: 'America/New_York',
      period: 'yesterday',
      locale: 'fr-FR',
      sections: ['headline', 'costs'],
    });
    expect(formInput(values)).toEqual({
      project: 'bella',
      schedule: '45 18 12 * *',
      timeZone: 'America/New_York',
      period: 'yesterday',
      locale: 'fr-FR',
      sections: ['headline', 'costs'],
    });
  });

  it('"several" and "all" are overviews; every section checked is the default (none stored)', () => {
    const several = readFormState(
      {
        project: { 'form:project': select(SEVERAL).value },
        projects: { value: { selected_options: [{ value: 'acme' }, { value: 'nova' }] } },
      },
      base,
    );
    expect(formInput(several)).toMatchObject({ projects: ['acme', 'nova'] });
    expect(formInput(several)).not.toHaveProperty('project');
    const all = readFormState({ project: { 'form:project': select(EVERY).value } }, base);
    expect(formInput(all)).toMatchObject({ projects: 'all' });
    const every = readFormState(
      {
        sections: {
          value: { selected_options: ['headline', 'trend', 'changes', 'topics', 'misunderstood', 'costs'].map((value) => ({ value })) },
        },
      },
      base,
    );
    expect(every.sections).toBeUndefined();
  });

  it('ignores what it can’t read, cuts long text, and keeps unknown values for the service to refuse', () => {
    const values = readFormState(
      {
        time_zone: { value: { type: 'plain_text_input', value: 'x'.repeat(100_000) } },
        frequency: { 'form:frequency': select('hourly').value },
        day_of_month: select('31'),
        period: 'not an object',
        sections: { value: { selected_options: Array.from({ length: 1000 }, (_, i) => ({ value: `s${i}` })) } },
      },
      base,
    );
    expect(values.timeZone).toHaveLength(500);
    expect(values.frequency).toBe('weekly');
    expect(values.dayOfMonth).toBe(1);
    expect(values.period).toBe('last week');
    expect(values.sections).toHaveLength(200);
    expect(readFormState('garbage', base)).toEqual(base);
    expect(readFormState({ time: { value: { selected_time: null } } }, base).time).toBe('');
  });
});

describe('formValuesOf', () => {
  it('prefills from a subscription: the frequency from its cron, the overview kind, its sections', () => {
    expect(formValuesOf({ project: 'acme', schedule: '0 9 * * FRI', timeZone: 'UTC', period: '7d', sections: ['headline'] })).toMatchObject(
      {
        coverage: 'one',
        frequency: 'weekly',
        weekday: 'FRI',
        time: '09:00',
        timeZone: 'UTC',
        period: '7d',
        sections: ['headline'],
      },
    );
    expect(formValuesOf({ projects: ['acme', 'nova'], schedule: '0 9 * * 1-5', timeZone: 'UTC', period: '7d' })).toMatchObject({
      coverage: 'several',
      projects: ['acme', 'nova'],
      frequency: 'advanced',
      cron: '0 9 * * 1-5',
    });
    expect(formValuesOf({ projects: 'all', schedule: '0 9 * * *', timeZone: 'UTC', period: '7d' }).coverage).toBe('all');
  });
});

describe('blockErrors', () => {
  it('puts each field error under a block the modal shows', () => {
    const weekly = { ...base, time: '' };
    const errors = blockErrors({ schedule: 'bad', timeZone: 'tz', period: 'p', locale: 'l', sections: 's', project: 'x' }, weekly);
    expect(errors).toEqual({ time: 'Pick a time.', time_zone: 'tz', period: 'p', locale: 'l', sections: 's', project: 'x' });
    for (const block of Object.keys(errors)) expect(shownBlocks(weekly)).toContain(block);
    const advanced = { ...base, frequency: 'advanced' as const, coverage: 'several' as const };
    expect(blockErrors({ schedule: 'This cron…', projects: 'Pick projects', sections: 'none' }, advanced)).toEqual({
      cron: 'This cron…',
      projects: 'Pick projects',
      project: 'none',
    });
    expect(shownBlocks(advanced)).toEqual(
      new Set([BLOCK.project, BLOCK.projects, BLOCK.frequency, BLOCK.cron, BLOCK.timeZone, BLOCK.period, BLOCK.locale]),
    );
  });
});
