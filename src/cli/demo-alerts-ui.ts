/**
 * The alert round trip of `npm run demo` (kept short), against the Slack double through the real HTTP handler:
 * `/chatdash alert acme` opens the alert modal (printed as a form), a value that is no number is answered inline, the
 * corrected one is saved and announced, and `/chatdash alerts` lists it with its state and buttons. Its firing is the
 * next step's (demo-alerts.ts), on the sandbox's incident.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { View } from '@slack/types';
import type { SlackMessage } from '../digest/blocks.ts';
import { renderForTerminal, renderViewForTerminal } from '../digest/terminal.ts';
import { ALERT_BLOCK } from '../slack/alerts/form.ts';
import { ALERT_CONDITION_ACTION } from '../slack/alerts/ids.ts';
import type { HttpHandler } from '../slack/http-handler.ts';
import { interactionEvent, type SignOptions, slashCommandEvent } from '../slack-double/requests.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { filledIn, submission } from './demo-subscribe.ts';

export interface DemoAlertsUiContext {
  http: HttpHandler;
  slack: SlackDouble;
  signing: SignOptions;
  /** Where alert-modal.json is written. */
  out: string;
  step: (text: string) => void;
  indent: (text: string) => string;
}

const option = (value: string, text: string) => ({ selected_option: { text: { type: 'plain_text', text }, value } });

export async function demoAlertsUi(ctx: DemoAlertsUiContext): Promise<void> {
  const { http, slack, signing } = ctx;
  const post = (text: string) => console.log(ctx.indent(text));

  ctx.step('In #acme, Alice types "/chatdash alert acme": the alert modal opens on the ack path');
  const ack = await http(
    slashCommandEvent({ text: 'alert acme', response_url: slack.responseUrl('demo-alert'), trigger_id: slack.issueTrigger() }, signing),
  );
  const open = slack.views().at(-1);
  console.log(`  HTTP ${ack.statusCode}; the modal:`);
  if (!open) return;
  post(renderViewForTerminal(open.view as unknown as View));
  await writeFile(join(ctx.out, 'alert-modal.json'), `${JSON.stringify(open.view, null, 2)}\n`);

  ctx.step('She picks "Below a value": the modal gains its value field (views.update, what she typed kept)');
  const below = { [ALERT_BLOCK.condition]: option('below', 'Below a value') };
  await http(
    interactionEvent(
      {
        type: 'block_actions',
        team: { id: 'T0DEMO' },
        user: { id: 'U0ALICE', team_id: 'T0DEMO' },
        container: { type: 'view', view_id: open.id },
        trigger_id: slack.issueTrigger(),
        view: { ...open.view, id: open.id, hash: open.hash, state: { values: filledIn(open, below) } },
        actions: [
          { type: 'static_select', action_id: ALERT_CONDITION_ACTION, block_id: ALERT_BLOCK.condition, ...below[ALERT_BLOCK.condition] },
        ],
      },
      signing,
    ),
  );
  const form = slack.views().find((v) => v.id === open.id) ?? open;

  ctx.step('She types "most" as the value: Slack shows the problem under the field');
  const wrong = await http(interactionEvent(submission(form, filledIn(form, { [ALERT_BLOCK.threshold]: { value: 'most' } })), signing));
  post(`HTTP ${wrong.statusCode}: ${wrong.body}`);

  ctx.step('She types 80 (%) and submits: saved, and the channel is told');
  const saved = await http(interactionEvent(submission(form, filledIn(form, { [ALERT_BLOCK.threshold]: { value: '80' } })), signing));
  post(`HTTP ${saved.statusCode} (an empty body: the modal closes)`);
  const announced = slack.callsTo('chat.postMessage').at(-1);
  if (announced) post(`#acme: ${String(announced.body.text)}`);

  ctx.step('"/chatdash alerts" in #acme: her alert, its state and the buttons she may use');
  const listed = await http(
    slashCommandEvent({ text: 'alerts', response_url: slack.responseUrl('demo-alerts'), trigger_id: slack.issueTrigger() }, signing),
  );
  post(renderForTerminal(JSON.parse(listed.body) as SlackMessage));
}
