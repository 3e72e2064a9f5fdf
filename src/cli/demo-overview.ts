/**
 * The agency overview step of `npm run demo`: from the demo's agency channel (C0AGENCY), a signed
 * `/chatdash overview` through the real HTTP handler, the worker on the queued job, and the answer as Slack would
 * show it, with its Block Kit JSON and a Block Kit Builder link (to check it on a phone-sized preview). The
 * concierge bot's queries fail meanwhile (the sandbox's DEMO_FAULTS), to show a project with no data.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SlackMessage } from '../digest/blocks.ts';
import { blockKitBuilderUrl } from '../digest/builder-link.ts';
import { renderForTerminal } from '../digest/terminal.ts';
import type { LocalQueue } from '../jobs/local-queue.ts';
import { DEMO_FAULTS, type Sandbox } from '../sandbox/index.ts';
import type { HttpHandler } from '../slack/http-handler.ts';
import { type SignOptions, slashCommandEvent } from '../slack-double/requests.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import type { WorkerHandler } from '../worker/handler.ts';

export interface DemoOverviewContext {
  http: HttpHandler;
  worker: WorkerHandler;
  queue: LocalQueue;
  sandbox: Sandbox;
  slack: SlackDouble;
  signing: SignOptions;
  /** Where overview.json and overview-block-kit-builder-url.txt are written. */
  out: string;
  /** Prints a step heading. */
  step: (text: string) => void;
  indent: (text: string) => string;
}

export async function demoOverview(ctx: DemoOverviewContext): Promise<void> {
  const { http, worker, queue, sandbox, slack, signing, out } = ctx;
  for (const { projectId, fault } of DEMO_FAULTS) sandbox.setFault(fault, projectId);
  try {
    ctx.step('From the agency channel (C0AGENCY, seven client bots), a signed "/chatdash overview"');
    const ack = await http(
      slashCommandEvent(
        {
          text: 'overview',
          channel_id: 'C0AGENCY',
          channel_name: 'agency',
          response_url: slack.responseUrl('demo-overview'),
          trigger_id: 'demo.trigger.3',
        },
        signing,
      ),
    );
    console.log(`  HTTP ${ack.statusCode}: ${ack.body}`);
    console.log(`  Jobs queued: ${queue.size}`);
    const started = performance.now();
    const before = sandbox.requests.length;
    const result = await worker(queue.drain());
    const answer = slack.callsTo('response_url').find((c) => c.body.__responseUrlId === 'demo-overview');
    const requests = sandbox.requests.length - before;
    console.log(
      `  Worker finished in ${(performance.now() - started).toFixed(0)} ms (${result.batchItemFailures.length} failures, ${requests} ChatDash requests, the failing project's retries included); response_url received:`,
    );
    if (!answer) return;
    const message = answer.body as unknown as SlackMessage;
    console.log(ctx.indent(renderForTerminal(message)));
    const jsonPath = join(out, 'overview.json');
    await writeFile(jsonPath, `${JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2)}\n`);
    const linkPath = join(out, 'overview-block-kit-builder-url.txt');
    await writeFile(linkPath, `${blockKitBuilderUrl(message)}\n`);
    console.log(`\n  Overview Block Kit JSON: ${jsonPath} (${message.blocks.length} blocks)\n  Block Kit Builder link: ${linkPath}`);
  } finally {
    for (const { projectId } of DEMO_FAULTS) sandbox.setFault(undefined, projectId);
  }
}
