/**
 * "Next page" under `/chatdash alerts`, the callback alone: the list replaced by the page the cursor names; a forged
 * cursor, or one from another channel's list, gets the first page again; an empty value is an old button.
 */
import { describe, expect, it } from 'vitest';
import { alertChannelList } from '../../../../src/slack/alerts/flows.ts';
import { ALERT_UI_MESSAGES } from '../../../../src/slack/alerts/messages.ts';
import { ALERT_LIST_MORE_ACTION, alertListMore } from '../../../../src/slack/listeners/actions/alert-list-more.ts';
import { validateMessage } from '../../../../src/slack-double/validate.ts';
import { createMemoryAlertStores } from '../../../../src/store/alerts-memory.ts';
import { encodeCursor } from '../../../../src/store/cursor.ts';
import { storedAlert } from '../../../support/alert-ui.ts';
import { buttonClick, listenerContext } from '../../../support/listeners.ts';
import { viewButtons } from '../../../support/modal.ts';
import { useSlackDouble } from '../../../support/slack-double.ts';
import { allText, answersTo } from '../../../support/slack-messages.ts';

const slack = useSlackDouble();

async function withAlerts(count: number, channelId = 'C0ACME', digits = 2) {
  const alerts = createMemoryAlertStores({ log: () => {} }).store;
  for (let i = 0; i < count; i++) {
    const { definition, state } = storedAlert({ channelId }, `al_${channelId}_${String(i).padStart(digits, '0')}`);
    await alerts.create(definition, state, 'U0ALICE');
  }
  return listenerContext({ alerts });
}

async function click(ctx: ReturnType<typeof listenerContext>, value: string, id: string, channel = 'C0ACME') {
  await alertListMore(
    ctx,
    buttonClick({ action_id: ALERT_LIST_MORE_ACTION, value }, { responseUrl: slack.responseUrl(id), ephemeral: true, channel }).args,
  );
  const [answer] = answersTo(slack, id);
  return answer?.body as Record<string, unknown> | undefined;
}

const nextOf = (message: Record<string, unknown> | undefined) => viewButtons(message ?? {}).find((b) => b.text === 'Next page');

describe('alertListMore', () => {
  it.each([
    [40, 2],
    // More than the 500 a listing used to be cut at: the 501st is reached too.
    [501, 3],
  ])('replaces the list with the next page, to the end, every alert once (%i alerts)', async (count, digits) => {
    const ctx = await withAlerts(count, 'C0ACME', digits);
    let message: Record<string, unknown> | undefined = {
      ...(await alertChannelList(ctx, ctx.alerts!, {
        teamId: 'T0DEMO',
        channelId: 'C0ACME',
        userId: 'U0ALICE',
        isDirectMessage: false,
      })),
    };
    const seen: string[] = [];
    for (let page = 0; message; page++) {
      expect(validateMessage(message)).toEqual({ ok: true });
      // Each row's Edit button names its alert.
      seen.push(...viewButtons(message).flatMap((b) => (b.text === 'Edit' ? [(JSON.parse(b.value) as { id: string }).id] : [])));
      const next = nextOf(message);
      if (!next) break;
      message = await click(ctx, next.value, `page${page}`);
      expect(message?.replace_original).toBe(true);
      expect(allText(message)).toContain('*More alerts of <#C0ACME>*');
    }
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => `al_C0ACME_${String(i).padStart(digits, '0')}`));
  });

  it('a forged cursor, or another channel’s, gets the first page; an empty value is an old button', async () => {
    const ctx = await withAlerts(20);
    const forged = await click(ctx, 'Zm9yZ2Vk', 'forged');
    expect(allText(forged)).toContain('*Alerts of <#C0ACME>*');
    const other = await withAlerts(3, 'C0OTHER');
    const otherList = await alertChannelList(other, other.alerts!, {
      teamId: 'T0DEMO',
      channelId: 'C0OTHER',
      userId: 'U0ALICE',
      isDirectMessage: false,
    });
    expect(otherList.text).toBe('3 alerts in <#C0OTHER>.');
    const otherCursor = (await other.alerts!.listByChannel('T0DEMO', 'C0OTHER', { limit: 1 })).cursor!;
    const elsewhere = await click(ctx, otherCursor, 'elsewhere');
    expect(allText(elsewhere)).toContain('*Alerts of <#C0ACME>*');
    const hostile = await click(ctx, `{"at":"${'x'.repeat(1990)}`, 'hostile');
    expect(allText(hostile)).toContain('*Alerts of <#C0ACME>*');
    const old = buttonClick({ action_id: ALERT_LIST_MORE_ACTION, value: '' }, { ephemeral: true });
    await alertListMore(ctx, old.args);
    expect(old.respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: ALERT_UI_MESSAGES.staleButton }]);
  });

  it('without an alert store, says so', async () => {
    expect(allText(await click(listenerContext(), encodeCursor({ at: 'a', of: 'b' }), 'nostore'))).toContain(ALERT_UI_MESSAGES.noStore);
  });
});
