/**
 * Refused before Bolt: bodies over the size bound (413, logged, no secret read) and signed requests whose timestamp
 * is more than five minutes off in either direction (401 like a stale one), at the exact boundary too.
 */
import { describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { bodyBytes, MAX_BODY_BYTES, MAX_CLOCK_SKEW_SECONDS, rejectBeforeBolt } from '../../src/slack/request-guard.ts';
import { type SignOptions, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { demoConfig as config } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';
import { SECRETS } from '../support/secrets.ts';

/** The real handler with a clock of our choosing; counts secret reads and keeps log lines. */
function handler(now?: Date) {
  const logged = recordingLog();
  let secretReads = 0;
  const http = createHttpHandler({
    config,
    queue: createLocalQueue(),
    secrets: async () => {
      secretReads++;
      return SECRETS;
    },
    log: logged.log,
    ...(now ? { now: () => now } : {}),
  });
  return { http, lines: logged.entries, secretReads: () => secretReads };
}

const help = (sign: SignOptions = {}, text = 'help') =>
  slashCommandEvent({ text, response_url: 'https://hooks.slack.invalid/response', trigger_id: 'trigger.fixed-length' }, sign);

describe('body size', () => {
  it('counts the decoded bytes of a base64 body without decoding it', () => {
    const body = 'é'.repeat(1000);
    expect(bodyBytes({ body: Buffer.from(body).toString('base64'), isBase64Encoded: true })).toBe(2000);
    expect(bodyBytes({ body, isBase64Encoded: false })).toBe(2000);
    expect(bodyBytes({ body: undefined as unknown as string, isBase64Encoded: false })).toBe(0);
  });

  it('a signed command one byte over the bound is answered 413, logged, and no secret is read', async () => {
    const base = bodyBytes(help({}, ''));
    const event = help({}, 'x'.repeat(MAX_BODY_BYTES - base + 1));
    expect(bodyBytes(event)).toBe(MAX_BODY_BYTES + 1);
    const { http, lines, secretReads } = handler();
    const response = await http(event);
    expect(response.statusCode).toBe(413);
    expect(response.body).toBe('Request body too large');
    expect(lines()).toMatchObject([{ level: 'warn', event: 'http.body_too_large', bytes: MAX_BODY_BYTES + 1, limit: MAX_BODY_BYTES }]);
    expect(secretReads()).toBe(0);
  });

  it('a signed command of exactly the bound is read and answered', async () => {
    const base = bodyBytes(help({}, 'help '));
    const event = help({}, `help ${'x'.repeat(MAX_BODY_BYTES - base)}`);
    expect(bodyBytes(event)).toBe(MAX_BODY_BYTES);
    const response = await handler().http(event);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body)).response_type).toBe('ephemeral');
  });

  it('an unsigned oversized body is refused the same way (it is never parsed)', async () => {
    const event = help({ signature: 'v0=forged' }, 'y'.repeat(MAX_BODY_BYTES));
    expect((await handler().http(event)).statusCode).toBe(413);
  });

  it('the bound is an option', async () => {
    const http = createHttpHandler({ config, queue: createLocalQueue(), secrets: async () => SECRETS, log: () => {}, maxBodyBytes: 100 });
    expect((await http(help())).statusCode).toBe(413);
  });
});

describe('request timestamps', () => {
  const realNow = () => Math.floor(Date.now() / 1000);

  it.each([
    ['10 minutes ahead', 10 * 60],
    ['a year ahead', 365 * 24 * 3600],
    ['10 minutes behind', -10 * 60],
  ])('a validly signed request timestamped %s is refused with 401 and logged', async (_what, offset) => {
    const { http, lines, secretReads } = handler();
    const response = await http(help({ timestamp: realNow() + offset }));
    expect(response.statusCode).toBe(401);
    expect(lines()).toMatchObject([{ level: 'warn', event: 'slack.timestamp_out_of_window' }]);
    expect(Math.abs(Number(lines()[0]?.skewSeconds) + offset)).toBeLessThanOrEqual(2);
    expect(secretReads()).toBe(0);
  });

  // The handler's clock is set 30 s ahead of the machine's, so these boundaries are ours, not Bolt's (Bolt checks
  // the past against the machine's clock, and would accept 301 s behind ours).
  const clock = (realNow() + 30) * 1000;

  it.each([
    ['exactly 5 minutes ahead', MAX_CLOCK_SKEW_SECONDS, 200],
    ['5 minutes and 1 second ahead', MAX_CLOCK_SKEW_SECONDS + 1, 401],
    ['exactly 5 minutes behind', -MAX_CLOCK_SKEW_SECONDS, 200],
    ['5 minutes and 1 second behind', -MAX_CLOCK_SKEW_SECONDS - 1, 401],
    ['now', 0, 200],
  ])('%s of the handler’s clock: %s', async (_what, offset, status) => {
    const { http } = handler(new Date(clock));
    const response = await http(help({ timestamp: clock / 1000 + offset }));
    expect(response.statusCode).toBe(status);
  });

  it('a missing or unreadable timestamp is left to Bolt, which refuses it with the signature', async () => {
    expect(rejectBeforeBolt({ body: '', isBase64Encoded: false, headers: {} }, Date.now())).toBeUndefined();
    expect(
      rejectBeforeBolt({ body: '', isBase64Encoded: false, headers: { 'X-Slack-Request-Timestamp': 'soon' } }, Date.now()),
    ).toBeUndefined();
    const response = await handler().http(help({ headers: { 'x-slack-request-timestamp': 'soon' } }));
    expect(response.statusCode).toBe(401);
  });

  it('reads the header whatever its case', () => {
    const headers = { 'X-Slack-Request-Timestamp': String(realNow() + 3600) };
    expect(rejectBeforeBolt({ body: '', isBase64Encoded: false, headers }, Date.now())?.statusCode).toBe(401);
  });
});
