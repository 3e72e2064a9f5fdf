/** The alert modal: every field shown at once, prefilled, and within what Slack accepts. */
import { describe, expect, it } from 'vitest';
import { ALERT_BLOCK, alertFormValuesOf, defaultAlertValues } from '../../../src/slack/alerts/form.ts';
import { ALERT_FORM } from '../../../src/slack/alerts/ids.ts';
import { alertForm } from '../../../src/slack/alerts/modal.ts';
import { validateView } from '../../../src/slack-double/validate.ts';
import { storedAlert } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';

const spec = { mode: 'create' as const, channel: 'C0ACME', projects: demoConfig.projects, metadata: '{"v":1}' };

describe('alertForm', () => {
  it('shows every input block, with the person’s time zone and the named project chosen', () => {
    const view = alertForm({ ...spec, values: defaultAlertValues({ timeZone: 'Asia/Tokyo', project: 'nova' }) });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(view.callback_id).toBe(ALERT_FORM);
    const ids = view.blocks.flatMap((b) => ('block_id' in b && b.block_id ? [b.block_id] : []));
    expect(ids).toEqual(Object.values(ALERT_BLOCK));
    const text = JSON.stringify(view);
    expect(text).toContain('"initial_value":"Asia/Tokyo"');
    expect(text).toContain('"initial_option":{"text":{"type":"plain_text","text":"Nova Telecom Help","emoji":true},"value":"nova"}');
  });

  it('an edit is prefilled and says so; hostile names stay within Slack’s limits', () => {
    const stored = storedAlert({ name: `${'<b>&'.repeat(20)}`, quietHours: { start: '22:00', end: '07:00' } });
    const view = alertForm({ ...spec, mode: 'edit', values: alertFormValuesOf(stored.definition) });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(JSON.stringify(view.title)).toContain('Edit alert');
    expect(JSON.stringify(view)).toContain('"initial_time":"22:00"');
    expect(JSON.stringify(view)).toContain('"initial_value":"80"');
  });

  it('drops a private_metadata too long for Slack rather than be refused', () => {
    const view = alertForm({ ...spec, metadata: 'x'.repeat(4000), values: defaultAlertValues({ timeZone: 'UTC' }) });
    expect(view.private_metadata).toBe('');
  });
});
