/** One alert as a row: what it watches, its state in words, its owner, and the buttons the person may use. */
import { describe, expect, it } from 'vitest';
import { alertRow, alertRowButtons, alertStateText, describeAlertRef } from '../../../src/slack/alerts/rows.ts';
import { validateMessage } from '../../../src/slack-double/validate.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';

describe('alertStateText', () => {
  it('OK, firing since …, muted until …, paused', () => {
    const ok = storedAlert();
    expect(alertStateText(ok, UI_NOW)).toBe(':white_check_mark: *OK*');
    const firing = {
      ...ok,
      state: {
        ...ok.state,
        status: 'firing' as const,
        incident: {
          since: '2026-11-25T08:00:00.000Z',
          firedAt: '2026-11-25T09:10:00.000Z',
          announced: true,
          lastBreach: { outcome: 'breach' as const, value: 0.6, volume: 100, currency: null },
          lastBreachWindow: { start: '2026-11-25T08:00:00.000Z', end: '2026-11-25T09:00:00.000Z' },
        },
      },
    };
    expect(alertStateText(firing, UI_NOW)).toBe(':rotating_light: *Firing* since Wed, Nov 25, 09:00');
    const muted = { ...ok, definition: { ...ok.definition, mutedUntil: '2026-11-26T10:00:00.000Z' } };
    expect(alertStateText(muted, UI_NOW)).toBe(':white_check_mark: *OK* \u00b7 :no_bell: muted until Thu, Nov 26, 11:00');
    // A mute that ended says nothing.
    expect(alertStateText(muted, new Date('2026-11-27T00:00:00Z'))).toBe(':white_check_mark: *OK*');
    expect(alertStateText({ ...ok, definition: { ...ok.definition, paused: true } }, UI_NOW)).toBe(':double_vertical_bar: *Paused*');
  });
});

describe('alertRowButtons', () => {
  it('owner and admins: Mute 24 h (or Unmute), Pause (or Resume), Edit, Delete behind a confirm; others: none', () => {
    const ok = storedAlert();
    expect(alertRowButtons(ok, true, UI_NOW).map((b) => b.text.text)).toEqual(['Mute 24 h', 'Pause', 'Edit', 'Delete']);
    const changed = { ...ok, definition: { ...ok.definition, paused: true, mutedUntil: '2026-11-26T10:00:00.000Z' } };
    const buttons = alertRowButtons(changed, true, UI_NOW);
    expect(buttons.map((b) => b.text.text)).toEqual(['Unmute', 'Resume', 'Edit', 'Delete']);
    expect(buttons.map((b) => b.action_id)).toEqual(['alert:unmute', 'alert:resume', 'alert:edit', 'alert:delete']);
    expect(buttons[3]?.confirm?.title?.text).toBe('Delete this alert?');
    expect(JSON.parse(buttons[0]!.value!)).toEqual({ id: 'al_test1', v: 1 });
    expect(alertRowButtons(ok, false, UI_NOW)).toEqual([]);
  });
});

describe('alertRow', () => {
  it('escapes what people typed and names the channel on the App Home', () => {
    const stored = storedAlert({
      name: '<!channel> *boom*',
      metric: { kind: 'topic', item: { label: '<@U123> & co' } },
      condition: { kind: 'unusual', direction: 'above' },
    });
    const row = alertRow(stored, { config: demoConfig, showChannel: true, manage: true, now: UI_NOW });
    const text = JSON.stringify(row);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('in <#C0ACME>');
    expect(text).toContain('Owner: <@U0ALICE>');
    expect(validateMessage({ channel: 'C0ACME', text: 'x', blocks: row })).toEqual({ ok: true });
    expect(describeAlertRef(stored.definition, demoConfig)).toContain('on *Acme Support Bot*');
  });
});
