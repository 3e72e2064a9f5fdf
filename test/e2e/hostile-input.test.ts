/**
 * Property-style: generated long, many-word and multibyte inputs fed to every text path a person controls (the
 * slash command in each of its branches, @mentions in a digest thread, button values), through the real HTTP
 * handler and the real worker. Whatever is typed, every answer fits Slack's limits (checked with the Slack double's
 * validator), is small, has no broken character, and the ack never grows with the input.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { SLACK_LIMITS } from '../../src/digest/limits.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { bodyBytes, MAX_BODY_BYTES } from '../../src/slack/request-guard.ts';
import { interactionEvent, type SlashCommand, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { type Bot, blockActionsPayload, config, mentionPayload, SECRETS, sqsEvent, startBot } from '../slack/harness.ts';
import { hostileTexts, wellFormed } from '../support/hostile-text.ts';

/** An ack is a few KB at most, whatever was sent. */
const MAX_ACK_BYTES = 16 * 1024;

let bot: Bot;

beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(() => {
  bot.reset();
});

interface Ack {
  statusCode: number;
  body: string;
}

/** Every string inside a decoded message (JSON.stringify would hide a lone surrogate behind an escape). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The ack Slack would show: within its limits, small, well-formed. Returns the parsed message. */
function expectFittingAck(ack: Ack, what: string): Record<string, unknown> {
  expect(ack.statusCode, what).toBe(200);
  expect(ack.body.length, what).toBeLessThanOrEqual(MAX_ACK_BYTES);
  const message = JSON.parse(ack.body) as Record<string, unknown>;
  expect(stringsOf(message).every(wellFormed), `${what}: broken character`).toBe(true);
  expect(validateMessage(message), what).toEqual({ ok: true });
  expect(String(message.text).length, what).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  return message;
}

/** Every message the Slack double received since the last reset was accepted, and is well-formed. */
function expectSlackAcceptedAll(what: string): void {
  for (const call of bot.slack.calls) {
    if (call.method === 'conversations.replies' || call.method === 'users.info') continue;
    expect(call.ok, `${what}: ${call.method} refused (${call.error ?? ''})`).toBe(true);
    expect(validateMessage(call.body), `${what}: ${call.method}`).toEqual({ ok: true });
    expect(stringsOf(call.body).every(wellFormed), `${what}: ${call.method} has a broken character`).toBe(true);
  }
}

/** Runs whatever the handler queued through the real worker. */
async function runQueuedJobs(): Promise<void> {
  const { event, jobs } = bot.drain();
  if (jobs.length === 0) return;
  const worker = await bot.worker();
  const result = await worker(event);
  expect(result.batchItemFailures, bot.lines.filter((l) => l.includes('"error"') || l.includes('"warn"')).join('\n')).toEqual([]);
}

async function command(text: string, extra: Partial<SlashCommand> = {}): Promise<{ ack: Ack; bytes: number }> {
  const event = slashCommandEvent({ text, response_url: bot.slack.responseUrl(), ...extra });
  return { ack: (await bot.http(event)) as Ack, bytes: bodyBytes(event) };
}

describe('/chatdash with generated text, in every branch', () => {
  const texts = hostileTexts('command', 18);
  const branches: Array<[string, string, Partial<SlashCommand>]> = [
    ['unknown subcommand', '', {}],
    ['stats', 'stats ', {}],
    ['stats with a project', 'stats acme ', {}],
    ['stats in a channel with several projects', 'stats ', { channel_id: 'C0AGENCY', channel_name: 'agency' }],
    ['projects', 'projects ', {}],
    ['help', 'help ', {}],
    ['from an unbound channel', 'stats ', { channel_id: 'C0NOWHERE', channel_name: 'nowhere' }],
    ['in a DM by a non-admin', 'stats ', { channel_id: 'D0ALICE', channel_name: 'directmessage' }],
  ];

  it.each(branches)('%s: every answer fits Slack, and the ack stays small', { timeout: 120_000 }, async (_branch, prefix, extra) => {
    for (const { name, text } of texts) {
      bot.reset();
      const { ack, bytes } = await command(prefix + text, extra);
      if (bytes > MAX_BODY_BYTES) {
        expect(ack.statusCode, name).toBe(413);
        continue;
      }
      expectFittingAck(ack, name);
      await runQueuedJobs();
      expectSlackAcceptedAll(name);
    }
  });
});

describe('the cases reported in issue 12', () => {
  it('1 MB of short unknown words: a small help whose section lists five and "… and N more"', async () => {
    const words = Array.from({ length: 340_000 }, (_, i) => `w${i % 10}`);
    const { ack, bytes } = await command(`stats ${words.join(' ')}`);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const message = expectFittingAck(ack, '1 MB of words');
    const lead = (message.blocks as Array<{ text?: { text: string } }>)[0]!.text!.text;
    expect(lead).toBe(
      `I didn\u2019t understand \u201cw0\u201d, \u201cw1\u201d, \u201cw2\u201d, \u201cw3\u201d, \u201cw4\u201d \u2026 and 339,995 more.`,
    );
    expect(bot.queue.size).toBe(0);
  });

  it('a section is never over 3,000 characters, however many long unknown words are typed', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `${'z'.repeat(50)}${i}`);
    const message = expectFittingAck((await command(`stats acme ${words.join(' ')}`)).ack, 'many long words');
    for (const block of message.blocks as Array<{ text?: { text: string } }>) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    expect(JSON.stringify(message)).toContain('\u2026 and 195 more');
  });

  it('a body over the limit is refused with 413 before anything reads it', async () => {
    const { ack, bytes } = await command(`stats ${'x'.repeat(MAX_BODY_BYTES)}`);
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(ack.statusCode).toBe(413);
  });
});

describe('range text the worker reads back', () => {
  it.each([
    ['sixteen ranges', `stats acme ${'7d '.repeat(16)}`],
    ['a huge number of days', `stats acme ${'9'.repeat(64)}d`],
    ['a date range made of many dates', `stats acme ${'2026-11-01 .. '.repeat(5)}2026-11-15`],
    ['since and too many words', `stats acme since ${'2026-11-01 '.repeat(20)}`],
  ])('%s: the ack and the worker’s answer fit Slack', async (name, text) => {
    const { ack } = await command(text);
    expectFittingAck(ack, name);
    await runQueuedJobs();
    expectSlackAcceptedAll(name);
  });
});

describe('a configuration with hundreds of projects', () => {
  const many: Config = {
    ...config,
    projects: Array.from({ length: 400 }, (_, i) => ({
      key: `project-${i}`,
      id: `proj_${i}`,
      name: `Project number ${i} <with> & a rather long display name that goes on`,
    })),
    channels: [{ channel: 'C0MANY', projects: Array.from({ length: 400 }, (_, i) => `project-${i}`) }],
    subscriptions: [],
  } as Config;

  it.each([
    ['projects', 'projects', 'C0MANY'],
    ['which project?', 'stats 30d', 'C0MANY'],
    ['projects in an admin DM', 'projects', 'D0ADMIN'],
  ])('%s: listed up to Slack’s limits, then "… and N more"', async (_what, text, channel) => {
    const http = createHttpHandler({ config: many, queue: createLocalQueue(), secrets: async () => SECRETS, log: () => {} });
    const ack = (await http(
      slashCommandEvent({ text, channel_id: channel, user_id: 'U0ADMIN', response_url: bot.slack.responseUrl() }),
    )) as Ack;
    const message = expectFittingAck(ack, text);
    expect(JSON.stringify(message)).toMatch(/\u2026 and \d+ more/);
  });
});

describe('@mentions and buttons with generated text', () => {
  it('mentions in a digest thread: every reply fits Slack', { timeout: 120_000 }, async () => {
    const worker = await bot.worker();
    await worker(
      sqsEvent(JSON.stringify({ kind: 'digest', subscription: 'acme-weekly', scheduledFor: new Date().toISOString(), trigger: 'manual' })),
    );
    const ts = bot.lines.map((l) => JSON.parse(l) as { event: string; ts?: string }).find((l) => l.event === 'digest.posted')?.ts;
    expect(ts).toBeDefined();
    let n = 0;
    for (const { name, text } of hostileTexts('mention', 12)) {
      // Forget the calls, not the digest the mentions hang off.
      bot.slack.calls.length = 0;
      bot.lines.length = 0;
      const ack = await bot.event(
        mentionPayload({
          eventId: `Ev0HOSTILE${n++}`,
          text: `<@U0BOT> ${text}`,
          ts: `1732551000.${String(n).padStart(6, '0')}`,
          threadTs: ts!,
        }),
      );
      expect([200, 413], name).toContain(ack.response.statusCode);
      await runQueuedJobs();
      expectSlackAcceptedAll(name);
    }
  });

  it('button clicks with generated values and action ids: every answer fits Slack', { timeout: 120_000 }, async () => {
    let n = 0;
    for (const { name, text } of hostileTexts('button', 12)) {
      bot.reset();
      // Half the clicks name a real view (their value reaches the worker), half a made-up one.
      const actionId = n++ % 2 === 0 ? 'drilldown:costs' : `drilldown:${text.slice(0, 200)}`;
      const payload = blockActionsPayload({
        button: { action_id: actionId, value: text.slice(0, 2000) },
        messageTs: '1732550000.000100',
        responseUrl: bot.slack.responseUrl(),
      });
      const ack = (await bot.http(interactionEvent(payload))) as Ack;
      expect(ack.statusCode, name).toBe(200);
      await runQueuedJobs();
      expectSlackAcceptedAll(name);
      expect(bot.slack.callsTo('response_url'), name).toHaveLength(1);
    }
  });
});
