/** `/chatdash alerts`' answer: none yet, or the rows within a message's 50 blocks. */
import { describe, expect, it } from 'vitest';
import { ALERT_LIST_ROWS, alertListMessage } from '../../../src/slack/alerts/list.ts';
import { validateMessage } from '../../../src/slack-double/validate.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';

describe('alertListMessage', () => {
  it('says how to make one when there is none', () => {
    const message = alertListMessage({ channel: 'C0ACME', rows: [], now: UI_NOW }, demoConfig);
    expect(message.text).toBe('No alerts in <#C0ACME> yet.');
    expect(JSON.stringify(message.blocks)).toContain('`/chatdash alert` sets one up');
  });

  it(`shows at most ${ALERT_LIST_ROWS} rows and counts the rest, within Slack’s limits`, () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ alert: storedAlert({ name: `Alert ${i}` }, `al_${i}`), manage: i % 2 === 0 }));
    const message = alertListMessage({ channel: 'C0ACME', rows, now: UI_NOW }, demoConfig);
    expect(validateMessage({ channel: 'C0ACME', ...message })).toEqual({ ok: true });
    expect(message.text).toBe('40 alerts in <#C0ACME>.');
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('Alert 14');
    expect(text).not.toContain('Alert 15');
    expect(text).toContain('and 25 more');
  });
});
