/** One subscription as the list and the App Home show it: its words, its state, its buttons, names as safe text. */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/schema.ts';
import { describeCoverage, rowText, subscriptionRow } from '../../../src/slack/subscriptions/rows.ts';
import { validateMessage } from '../../../src/slack-double/validate.ts';
import type { Subscription } from '../../../src/subscriptions/model.ts';
import { demoConfig } from '../../support/config.ts';
import { viewButtons } from '../../support/modal.ts';
import { subscriptionSettings } from '../../support/subscriptions.ts';

const runtime: Subscription = {
  source: 'runtime',
  id: 'sub_abcdefgh1234',
  ...subscriptionSettings(),
  version: 4,
  nextRunAt: '2026-11-30T08:00:00.000Z',
};
const all = { sendNow: true, manage: true };

describe('a subscription row', () => {
  it('says what, when, next run, last delivery and owner; with all its buttons, Delete behind a confirm', () => {
    const row = subscriptionRow(
      { ...runtime, lastDelivery: { result: 'posted', at: '2026-11-23T08:00:02.000Z', trigger: 'schedule' } },
      { config: demoConfig, buttons: all },
    );
    expect(validateMessage({ text: 't', blocks: row })).toEqual({ ok: true });
    expect(rowText({ ...runtime }, { config: demoConfig })).toBe(
      'The *Acme Support Bot* digest\nMondays at 09:00 Europe/Paris \u00b7 covers last week\nNext: Mon, Nov 30, 09:00 \u00b7 Owner: <@U0ALICE>',
    );
    expect(JSON.stringify(row)).toContain('Last: :white_check_mark: posted Mon, Nov 23, 09:00');
    const buttons = viewButtons({ blocks: row });
    expect(buttons.map((b) => b.text)).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);
    expect(JSON.parse(buttons[0]!.value)).toEqual({ s: 'runtime', id: runtime.id, v: 4 });
    expect(buttons[3]!.confirm).toMatchObject({ title: { text: 'Delete this subscription?' }, style: 'danger' });
  });

  it('paused: why and since when, and Resume instead of Pause; configuration ones get Send now only', () => {
    const paused = { ...runtime, nextRunAt: undefined, paused: { at: '2026-11-24T10:00:00.000Z', reason: 'bot_removed' as const } };
    expect(rowText(paused, { config: demoConfig })).toContain(
      ':double_vertical_bar: *Paused* Tue, Nov 24, 11:00: I was removed from the channel',
    );
    expect(viewButtons({ blocks: subscriptionRow(paused, { config: demoConfig, buttons: all }) }).map((b) => b.text)).toContain('Resume');
    const byHand = { ...paused, paused: { at: '2026-11-24T10:00:00.000Z', reason: 'user' as const, by: 'U0BOB' } };
    expect(rowText(byHand, { config: demoConfig })).toContain('by <@U0BOB>');
    const yaml: Subscription = { ...runtime, source: 'config', id: 'acme-weekly', owner: undefined, version: undefined };
    expect(rowText(yaml, { config: demoConfig })).toContain('_from configuration_');
    expect(viewButtons({ blocks: subscriptionRow(yaml, { config: demoConfig, buttons: all }) }).map((b) => b.text)).toEqual(['Send now']);
    expect(subscriptionRow(runtime, { config: demoConfig, buttons: { sendNow: false, manage: false } })).toHaveLength(1);
  });

  it('the App Home names its channel; a failed delivery says why in words', () => {
    const failed = { ...runtime, lastDelivery: { result: 'failed' as const, at: '2026-11-23T08:00:02.000Z', reason: 'chatdash' } };
    const text = rowText(failed, { config: demoConfig, showChannel: true });
    expect(text).toContain('digest in <#C0ACME>');
    expect(text).toContain(':x: failed Mon, Nov 23, 09:00: ChatDash didn\u2019t answer');
  });

  it('project names from the configuration are escaped and cut; an overview names a few and counts the rest', () => {
    const config: Config = {
      ...demoConfig,
      projects: [{ key: 'evil', id: 'p1', name: `<!channel> *shout* ${'x'.repeat(300)}` }, ...demoConfig.projects],
    };
    const words = describeCoverage({ project: 'evil' }, config);
    expect(words).toContain('&lt;!channel&gt;');
    expect(words).not.toContain('<!channel>');
    expect(words.length).toBeLessThan(120);
    expect(describeCoverage({ projects: ['acme', 'bella', 'nova', 'cara'] }, demoConfig)).toBe(
      'the *agency overview* of 4 projects (Acme Support Bot, Bella Pizza Phone Line, Nova Telecom Help \u2026 and 1 more)',
    );
    expect(describeCoverage({ projects: 'all' }, demoConfig)).toBe('the *agency overview* of every project in its channel');
    const row = subscriptionRow({ ...runtime, project: 'evil' }, { config, buttons: all });
    expect(validateMessage({ text: 't', blocks: row })).toEqual({ ok: true });
  });
});
