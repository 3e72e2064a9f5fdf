/** `/chatdash subscriptions`' answer: within a message's 50 blocks however many there are, with a next page. */
import { describe, expect, it } from 'vitest';
import { channelListMessage, LIST_ROWS } from '../../../src/slack/subscriptions/list.ts';
import { validateMessage } from '../../../src/slack-double/validate.ts';
import type { Subscription } from '../../../src/subscriptions/model.ts';
import { demoConfig } from '../../support/config.ts';
import { allText, buttonsOf } from '../../support/slack-messages.ts';

const sub = (i: number): Subscription => ({
  source: 'runtime',
  id: `sub_row${String(i).padStart(8, '0')}`,
  project: 'acme',
  channel: 'C0ACME',
  schedule: `${i % 60} 9 * * MON`,
  timeZone: 'Europe/Paris',
  period: 'last week',
  owner: 'U0ALICE',
  version: 1,
});
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ subscription: sub(i), buttons: { sendNow: true, manage: true } }));

describe('channelListMessage', () => {
  it('an empty channel says how to subscribe', () => {
    const message = channelListMessage({ channel: 'C0ACME', rows: [] }, demoConfig);
    expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual({ ok: true });
    expect(allText(message as unknown as Record<string, unknown>)).toContain('`/chatdash subscribe` sets one up');
  });

  it('40 subscriptions: 15 rows, "… and 25 more", a next page, and never over 50 blocks', () => {
    const message = channelListMessage({ channel: 'C0ACME', rows: rows(40), cursor: 'abc' }, demoConfig);
    expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual({ ok: true });
    expect(message.blocks!.length).toBeLessThanOrEqual(50);
    expect(buttonsOf(message as unknown as Record<string, unknown>).filter((b) => b.action_id === 'subscription:edit')).toHaveLength(
      LIST_ROWS,
    );
    expect(allText(message as unknown as Record<string, unknown>)).toContain('\u2026 and 25 more');
    expect(buttonsOf(message as unknown as Record<string, unknown>).at(-1)).toEqual({ action_id: 'list:more', value: 'abc' });
    expect(message.text).toBe('40+ subscriptions in <#C0ACME>.');
  });
});
