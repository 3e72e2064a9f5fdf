/**
 * Fan-out: 50 subscriptions due at the same minute, in one worker batch with concurrency 4. Every digest is
 * posted to its own channel, and the worker never has more than 4 digests (so 8 ChatDash requests: each digest
 * fetches its period and the previous one in parallel) in flight.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { useBot } from '../support/bot.ts';
import { postsTo } from '../support/slack-messages.ts';

const COUNT = 50;
const CONCURRENCY = 4;
const PROJECTS = [
  { key: 'acme', id: 'proj_demo_text', name: 'Acme Support Bot' },
  { key: 'bella', id: 'proj_demo_voice', name: 'Bella Pizza Phone Line' },
  { key: 'quiet', id: 'proj_demo_empty', name: 'Quiet Bot' },
];
const pad = (n: number) => String(n).padStart(2, '0');
const channelOf = (i: number) => `C0SUB${pad(i)}`;

/** A generated configuration: 50 subscriptions, each in its own channel bound to its project, all due Monday 09:00 Paris. */
function generatedConfigYaml(): string {
  const lines = ['workspaces: [T0DEMO]', 'adminChannel: C0ADMIN', 'defaults:', '  timeZone: Europe/Paris', 'projects:'];
  for (const p of PROJECTS) lines.push(`  - key: ${p.key}`, `    id: ${p.id}`, `    name: ${p.name}`);
  lines.push('channels:');
  for (let i = 0; i < COUNT; i++) lines.push(`  - channel: ${channelOf(i)}`, `    projects: [${PROJECTS[i % 3]!.key}]`);
  lines.push('subscriptions:');
  for (let i = 0; i < COUNT; i++) {
    lines.push(
      `  - name: sub-${pad(i)}`,
      `    project: ${PROJECTS[i % 3]!.key}`,
      `    channel: ${channelOf(i)}`,
      '    schedule: "0 9 * * MON"',
      '    period: last 7 days',
    );
  }
  return `${lines.join('\n')}\n`;
}

const bot = useBot();
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('fan-out of 50 digests in one batch', () => {
  it(`posts all of them, with at most ${CONCURRENCY} digests and ${2 * CONCURRENCY} ChatDash requests in flight`, async () => {
    const config = parseConfig(generatedConfigYaml(), 'generated.yml');
    expect(config.subscriptions).toHaveLength(COUNT);

    // Count ChatDash requests in flight: the ChatDash client takes the global fetch when buildDeps creates it.
    let chatdashInFlight = 0;
    let chatdashMax = 0;
    let chatdashTotal = 0;
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(bot.sandbox.url)) return realFetch(input, init);
      chatdashTotal++;
      chatdashMax = Math.max(chatdashMax, ++chatdashInFlight);
      try {
        return await realFetch(input, init);
      } finally {
        chatdashInFlight--;
      }
    });

    // Count digests in flight around the worker's once-guard, which wraps each job.
    const memory = createMemoryOnceGuard();
    let jobsInFlight = 0;
    let jobsMax = 0;
    const once: OnceGuard = {
      async once(key, fn) {
        jobsMax = Math.max(jobsMax, ++jobsInFlight);
        try {
          return await memory.once(key, fn);
        } finally {
          jobsInFlight--;
        }
      },
    };

    const queue = createLocalQueue();
    expect(await createScheduleHandler({ config, queue, log: bot.log })({ time: '2026-11-23T08:00:20Z' })).toEqual({ due: COUNT });
    const event = queue.drain();
    expect(event.Records).toHaveLength(COUNT);

    const deps = await bot.deps({ config });
    vi.unstubAllGlobals();
    const handler = await bot.worker({ config, deps, once, concurrency: CONCURRENCY });
    // A little latency on every ChatDash answer, so the digests overlap as they would against the real API.
    bot.sandbox.setFault({ type: 'slow', delayMs: 40 });
    const result = await handler(event);
    bot.sandbox.setFault(undefined);

    expect(result.batchItemFailures).toEqual([]);
    for (let i = 0; i < COUNT; i++) expect(postsTo(bot.slack, channelOf(i)), channelOf(i)).toHaveLength(1);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(COUNT);

    expect(chatdashTotal).toBe(2 * COUNT);
    expect(jobsMax).toBe(CONCURRENCY);
    expect(chatdashMax).toBeGreaterThan(CONCURRENCY);
    expect(chatdashMax).toBeLessThanOrEqual(2 * CONCURRENCY);
  });
});
