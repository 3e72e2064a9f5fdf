/**
 * The worker's deps as production builds them: the ChatDash client and the Slack client go where the environment
 * says (here the sandbox and the Slack double), and the client's events reach the log under their own names.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../src/periods/period.ts';
import { userActor } from '../../src/store/store.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { makeAlert } from '../support/alert-input.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';
import { useSandbox } from '../support/sandbox.ts';
import { BOT_TOKEN, CHATDASH_KEY, leakedSecrets, SECRETS } from '../support/secrets.ts';
import { useSlackDouble } from '../support/slack-double.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

const WEEK: TimeRange = { start: '2026-11-09T23:00:00.000Z', end: '2026-11-16T23:00:00.000Z' };

const sandbox = useSandbox({ apiKey: CHATDASH_KEY });
const slack = useSlackDouble({ token: BOT_TOKEN });

async function deps() {
  const recorded = recordingLog();
  const env = { CHATDASH_API_URL: sandbox.url, SLACK_API_URL: slack.apiUrl };
  return { recorded, deps: await buildDeps(demoConfig, env, async () => SECRETS, recorded.log) };
}

describe('buildDeps', () => {
  it('logs the ChatDash client\u2019s events once prefixed: chatdash.retry, chatdash.ok (never chatdash.chatdash.…), no key', async () => {
    const { recorded, deps: built } = await deps();
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 0, times: 1 });
    await built.chatdash.queryAnalytics('proj_demo_text', WEEK, ['conversations']);
    const chatdash = recorded.entries().filter((e) => e.event.includes('chatdash'));
    expect(chatdash.map((e) => [e.level, e.event])).toEqual([
      ['info', 'chatdash.retry'],
      ['info', 'chatdash.ok'],
    ]);
    expect(chatdash[1]).toMatchObject({ projectId: 'proj_demo_text' });
    expect(leakedSecrets(recorded.lines.join('\n'))).toEqual([]);
  });

  it('a ChatDash failure is logged as chatdash.failed', async () => {
    const { recorded, deps: built } = await deps();
    sandbox.setFault({ type: 'server_error', status: 503, times: 10 });
    await expect(built.chatdash.queryAnalytics('proj_demo_text', WEEK, ['conversations'])).rejects.toThrow();
    expect(recorded.events('chatdash.failed')).toEqual([
      expect.objectContaining({ level: 'info', projectId: 'proj_demo_text', status: 503 }),
    ]);
    expect(recorded.entries().filter((e) => e.event.startsWith('chatdash.chatdash'))).toEqual([]);
  });

  it('points the Slack client at SLACK_API_URL with the bot token', async () => {
    const { deps: built } = await deps();
    const answer = await built.slack.auth.test();
    expect(answer.ok).toBe(true);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });
});

describe('buildDeps: the alert stores', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('are made from the environment with the worker’s guard, sharing STATE_FILE with the state store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chatdash-deps-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const once = createMemoryOnceGuard();
    const built = await buildDeps(demoConfig, { STATE_FILE: file }, async () => SECRETS, recordingLog().log, { once });
    expect(built.alerts?.once).toBe(once);
    const alert = makeAlert({}, { id: 'al_deps', now: new Date('2026-11-17T10:00:00Z') });
    await built.alerts!.store.create(alert.definition, alert.state, 'U0ALICE');
    const sub = await built.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    // Both stores in one file, neither overwriting the other's items.
    const saved = JSON.parse(await readFile(file, 'utf8')) as { items: Array<{ pk: string }> };
    expect(saved.items.map((i) => i.pk).sort()).toEqual(['ALERT#al_deps', `SUB#${sub.id}`]);
    expect((await built.alerts!.store.get('al_deps'))?.definition.id).toBe('al_deps');
  });
});
