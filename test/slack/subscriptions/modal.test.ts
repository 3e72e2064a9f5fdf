/**
 * The subscribe/edit modal as Slack takes it (the double's view validator): its fields for each project kind and
 * frequency, its limits with hundreds of projects, and project names that would be mrkdwn or too long shown as text.
 */
import { describe, expect, it } from 'vitest';
import { VIEW_LIMITS } from '../../../src/digest/limits.ts';
import { defaultFormValues, type FormValues } from '../../../src/slack/subscriptions/form.ts';
import { type FormSpec, noticeModal, subscriptionForm } from '../../../src/slack/subscriptions/modal.ts';
import { encodeFormMetadata } from '../../../src/slack/subscriptions/values.ts';
import { validateView } from '../../../src/slack-double/validate.ts';

const projects = [
  { key: 'acme', name: 'Acme Support Bot' },
  { key: 'nova', name: 'Nova Telecom Help' },
];
const metadata = encodeFormMetadata({ v: 1, team: 'T0DEMO', channel: 'C0AGENCY', from: 'command' });

function form(values: Partial<FormValues> = {}, spec: Partial<FormSpec> = {}) {
  return subscriptionForm({
    mode: 'create',
    channel: 'C0AGENCY',
    projects,
    values: { ...defaultFormValues({ timeZone: 'Europe/Paris', project: 'acme' }), ...values },
    metadata,
    defaultLocale: 'en-US',
    ...spec,
  });
}
const blockIds = (view: ReturnType<typeof form>) => view.blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));

describe('subscriptionForm', () => {
  it('is a valid modal with a field for each setting, weekly by default', () => {
    const view = form();
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(view).toMatchObject({
      callback_id: 'subscription:form',
      title: { text: 'Subscribe this channel' },
      submit: { text: 'Subscribe' },
    });
    expect(blockIds(view)).toEqual(['project', 'frequency', 'weekday', 'time', 'time_zone', 'period', 'locale', 'sections']);
    expect(view.private_metadata).toBe(metadata);
  });

  it('shows the fields its choices need: several projects, a day of the month, a cron', () => {
    expect(blockIds(form({ coverage: 'several', frequency: 'monthly' }))).toEqual([
      'project',
      'projects',
      'frequency',
      'day_of_month',
      'time',
      'time_zone',
      'period',
      'locale',
    ]);
    expect(blockIds(form({ coverage: 'all', frequency: 'advanced' }))).toEqual([
      'project',
      'frequency',
      'cron',
      'time_zone',
      'period',
      'locale',
    ]);
    expect(blockIds(form({ frequency: 'daily' }))).toEqual(['project', 'frequency', 'time', 'time_zone', 'period', 'locale', 'sections']);
    for (const values of [
      { coverage: 'several' as const, projects: ['nova'] },
      { frequency: 'advanced' as const },
      { frequency: 'monthly' as const },
    ]) {
      expect(validateView(form(values), 'modal')).toEqual({ ok: true });
    }
  });

  it('one project: no overview choices; editing: its title, Save, the current values chosen', () => {
    const one = form({}, { projects: [projects[0]!] });
    expect(JSON.stringify(one)).not.toContain('Several projects');
    const edit = form(
      { frequency: 'monthly', dayOfMonth: 15, time: '07:05', locale: 'de-DE', sections: ['headline'], period: 'since 2026-01-01' },
      { mode: 'edit' },
    );
    expect(validateView(edit, 'modal')).toEqual({ ok: true });
    expect(edit).toMatchObject({ title: { text: 'Edit subscription' }, submit: { text: 'Save' } });
    const text = JSON.stringify(edit);
    for (const chosen of ['"initial_time":"07:05"', '"value":"15"', '"value":"de-DE"', '"value":"since 2026-01-01"'])
      expect(text).toContain(chosen);
  });

  it('hundreds of projects: at most 100 options, the named one kept, and a hint for the rest', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ key: `p-${i}`, name: `Project ${i}` }));
    const view = form({ project: 'p-240' }, { projects: many });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    const menu = view.blocks[1] as {
      element: { options: Array<{ value: string }>; initial_option: { value: string } };
      hint: { text: string };
    };
    expect(menu.element.options.length).toBeLessThanOrEqual(VIEW_LIMITS.selectOptions);
    expect(menu.element.initial_option.value).toBe('p-240');
    expect(menu.hint.text).toContain('152 more projects than the menu can list');
    const several = form({ coverage: 'several', projects: ['p-1'] }, { projects: many });
    expect(validateView(several, 'modal')).toEqual({ ok: true });
  });

  it('project names are text, cut to Slack’s 75 characters, never mrkdwn or a ping', () => {
    const hostile = [{ key: 'evil', name: `<!channel> *bold* ${'long '.repeat(40)}` }, projects[0]!];
    const view = form({ project: 'evil' }, { projects: hostile });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    const option = (view.blocks[1] as { element: { options: Array<{ text: { type: string; text: string } }> } }).element.options[0]!;
    expect(option.text.type).toBe('plain_text');
    expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(option.text.text).toContain('&lt;!channel&gt;');
  });

  it('metadata longer than Slack keeps is left out rather than refused', () => {
    expect(form({}, { metadata: 'x'.repeat(4000) }).private_metadata).toBe('');
  });
});

describe('noticeModal', () => {
  it('is a modal with only a close button and the message', () => {
    const view = noticeModal('A title far longer than twenty-four characters', 'Someone *changed* it.');
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(view.submit).toBeUndefined();
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });
});
