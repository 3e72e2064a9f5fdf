/** `/chatdash`, signatures and Slack's request shapes, through the real HTTP handler (Bolt on AwsLambdaReceiver). */
import { describe, expect, it } from 'vitest';
import { QueueSendError } from '../../src/aws/sqs-queue.ts';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { apiGatewayEvent, SIGNING_SECRET, sign, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { type Answer, everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';
import { requester } from '../support/payloads.ts';
import { leakedSecrets, SECRETS } from '../support/secrets.ts';

const bot = useBot();

/** Every answer is the ack itself, ephemeral, and never touches ChatDash (how fast it is: `npm run bench`). */
function expectQuickEphemeral(answer: Answer): string {
  expect(answer.response.statusCode).toBe(200);
  expect(answer.json?.response_type).toBe('ephemeral');
  expect(bot.sandbox.requests).toHaveLength(0);
  return answer.json?.text ?? '';
}

describe('/chatdash answered from configuration', () => {
  it('help and a bare /chatdash show the usage and queue nothing', async () => {
    for (const text of ['help', '', '   ']) {
      const answer = await bot.command(text);
      const reply = expectQuickEphemeral(answer);
      expect(reply).toContain('/chatdash stats [project] [range]');
      const blocks = JSON.stringify(answer.json?.blocks);
      expect(blocks).toContain('/chatdash stats [project] [range]');
      expect(blocks).toContain('/chatdash projects');
      expect(blocks).toContain('Ranges:');
    }
    expect(bot.queue.size).toBe(0);
  });

  it('projects lists only the projects bound to this channel', async () => {
    const acme = expectQuickEphemeral(await bot.command('projects', { channel_id: 'C0ACME' }));
    expect(acme).toContain('`acme`: Acme Support Bot');
    expect(acme).not.toContain('bella');
    expect(acme).not.toContain('Bella');
    expect(acme).not.toContain('quiet');

    const agency = expectQuickEphemeral(await bot.command('projects', { channel_id: 'C0AGENCY' }));
    for (const p of config.projects) expect(agency).toContain(`\`${p.key}\``);
    expect(bot.queue.size).toBe(0);
  });

  it('an unknown subcommand gets the usage with a "did you mean"', async () => {
    const answer = await bot.command('stast acme');
    const reply = expectQuickEphemeral(answer);
    expect(reply).toContain('I don\u2019t know the command \u201cstast\u201d');
    expect(reply).toContain('Did you mean /chatdash stats?');
    const blocks = JSON.stringify(answer.json?.blocks);
    expect(blocks).toContain('Did you mean `/chatdash stats`?');
    expect(blocks).toContain('/chatdash projects');
    expect(bot.queue.size).toBe(0);
  });

  it('user text in an answer is escaped for mrkdwn', async () => {
    const reply = expectQuickEphemeral(await bot.command('<!channel>&co'));
    expect(reply).not.toContain('<!channel>');
    expect(reply).toContain('&lt;!channel&gt;&amp;co');
  });
});

describe('/chatdash stats: ack at once, work in the queue', () => {
  it('acks "working on it" and queues exactly one stats job with the right fields, without calling ChatDash', async () => {
    const responseUrl = bot.slack.responseUrl('stats-1');
    const before = Date.now();
    const answer = await bot.command('stats', { response_url: responseUrl, trigger_id: 'trig.123' });
    const reply = expectQuickEphemeral(answer);
    expect(reply).toContain('Getting the numbers for *Acme Support Bot* (last 7 days)');

    const { jobs } = bot.drain();
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job).toMatchObject({
      kind: 'stats',
      idempotencyKey: 'stats:trig.123',
      requester: requester(),
      projectKey: 'acme',
      rangeText: '',
      responseUrl,
    });
    expect(job.kind === 'stats' && Date.parse(job.requestedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(bot.sandbox.requests).toHaveLength(0);
    expect(bot.slack.calls).toHaveLength(0);
  });

  it('takes project and range in either order', async () => {
    for (const text of ['stats acme 30d', 'stats 30d acme', 'STATS Acme 30d']) {
      const reply = expectQuickEphemeral(await bot.command(text, { channel_id: 'C0AGENCY' }));
      expect(reply).toContain('*Acme Support Bot* (30d)');
    }
    const { jobs } = bot.drain();
    expect(jobs.map((j) => (j.kind === 'stats' ? [j.projectKey, j.rangeText] : j.kind))).toEqual([
      ['acme', '30d'],
      ['acme', '30d'],
      ['acme', '30d'],
    ]);
  });

  it('keeps multi-word ranges together', async () => {
    const reply = expectQuickEphemeral(await bot.command('stats bella last week', { channel_id: 'C0BELLA' }));
    expect(reply).toContain('*Bella Pizza Phone Line* (last week)');
    expect(bot.drain().jobs).toMatchObject([{ kind: 'stats', projectKey: 'bella', rangeText: 'last week' }]);
  });

  it('asks which project in a channel bound to several', async () => {
    const answer = await bot.command('stats 30d', { channel_id: 'C0AGENCY' });
    expect(expectQuickEphemeral(answer)).toContain('Which project?');
    expect(JSON.stringify(answer.json?.blocks)).toMatch(/`acme`, `bella`, `quiet`/);
    expect(bot.queue.size).toBe(0);
  });

  it('an unknown project gets a "did you mean" among this channel\u2019s projects only', async () => {
    const acme = expectQuickEphemeral(await bot.command('stats acmee 30d', { channel_id: 'C0ACME' }));
    expect(acme).toContain('I can\u2019t find a project called \u201cacmee\u201d for this channel.');
    expect(acme).toContain('Did you mean `acme`?');

    // "belle" is one letter from "bella", but bella is not bound to C0ACME: no suggestion may name it.
    const belle = expectQuickEphemeral(await bot.command('stats belle', { channel_id: 'C0ACME' }));
    expect(belle).toContain('I can\u2019t find a project called \u201cbelle\u201d for this channel.');
    expect(belle).not.toMatch(/bella/i);
    expect(bot.queue.size).toBe(0);
  });

  it('a project bound to another channel reads exactly like an unknown one (no leak)', async () => {
    const bound = expectQuickEphemeral(await bot.command('stats bella 7d', { channel_id: 'C0ACME' }));
    const unknown = expectQuickEphemeral(await bot.command('stats zzzzz 7d', { channel_id: 'C0ACME' }));
    expect(bound).toContain('\u201cbella\u201d');
    expect(bound.replace('bella', 'X')).toBe(unknown.replace('zzzzz', 'X'));
    expect(bound).not.toContain('Bella Pizza');
    expect(bot.queue.size).toBe(0);
  });

  it('refuses politely a workspace that is not configured', async () => {
    const reply = expectQuickEphemeral(await bot.command('stats acme', { team_id: 'T0OTHER' }));
    expect(reply).toBe(ACCESS_MESSAGES.workspace);
    const projects = expectQuickEphemeral(await bot.command('projects', { team_id: 'T0OTHER' }));
    expect(projects).toBe(ACCESS_MESSAGES.workspace);
    expect(bot.queue.size).toBe(0);
  });

  it('refuses a channel bound to no project', async () => {
    expect(expectQuickEphemeral(await bot.command('stats', { channel_id: 'C0RANDOM' }))).toBe(ACCESS_MESSAGES.channel_not_bound);
    expect(bot.queue.size).toBe(0);
  });

  it('answers DMs from admins only', async () => {
    const dm = { channel_id: 'D0ALICE', channel_name: 'directmessage' };
    expect(expectQuickEphemeral(await bot.command('stats acme', { ...dm, user_id: 'U0ALICE' }))).toBe(ACCESS_MESSAGES.dm_not_admin);
    expect(bot.queue.size).toBe(0);

    const admin = expectQuickEphemeral(
      await bot.command('stats bella 30d', { channel_id: 'D0ADMIN', channel_name: 'directmessage', user_id: 'U0ADMIN' }),
    );
    expect(admin).toContain('*Bella Pizza Phone Line* (30d)');
    expect(bot.drain().jobs).toMatchObject([
      { kind: 'stats', projectKey: 'bella', requester: { channelId: 'D0ADMIN', userId: 'U0ADMIN', isDirectMessage: true } },
    ]);
  });

  it('says "try again" when the queue cannot take the job', async () => {
    const { log, lines, entries } = recordingLog();
    const failing: JobQueue = {
      send: async () => {
        throw new QueueSendError('SQS SendMessage failed: HTTP 500 InternalError');
      },
    };
    const http = createHttpHandler({
      config,
      env: {},
      queue: failing,
      secrets: async () => SECRETS,
      log,
    });
    const response = await http(slashCommandEvent({ text: 'stats acme 30d', response_url: bot.slack.responseUrl() }));
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { text: string; response_type: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('couldn\u2019t start on that just now. Please try again in a minute.');
    expect(body.text).not.toContain('Getting the numbers');
    expect(entries()).toContainEqual(expect.objectContaining({ event: 'queue.send_failed', errorName: 'QueueSendError' }));
    expect(leakedSecrets(lines.join('\n'))).toEqual([]);
  });
});

describe('request verification and shapes', () => {
  it('refuses a bad signature with 401 and queues nothing', async () => {
    const answer = await bot.command('stats acme', {}, { secret: 'not-the-signing-secret' });
    expect(answer.response.statusCode).toBe(401);
    expect(bot.queue.size).toBe(0);
    expect(bot.entries().some((l) => l.event === 'slack.bad_signature')).toBe(true);
  });

  it('refuses a body that was changed after signing', async () => {
    const event = slashCommandEvent({ text: 'help', response_url: bot.slack.responseUrl() }, { base64: false });
    const tampered = { ...event, body: String(event.body).replace('text=help', 'text=stats+acme') };
    expect((await bot.http(tampered)).statusCode).toBe(401);
    expect(bot.queue.size).toBe(0);
  });

  it('refuses a missing signature with 401', async () => {
    const answer = await bot.command('stats acme', {}, { signature: null });
    expect(answer.response.statusCode).toBe(401);
    expect(bot.queue.size).toBe(0);
  });

  it('refuses a correctly signed request that is 10 minutes old (replay)', async () => {
    const answer = await bot.command('stats acme', {}, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(answer.response.statusCode).toBe(401);
    expect(bot.queue.size).toBe(0);
  });

  it('echoes the challenge of a signed url_verification', async () => {
    const answer = await bot.event({
      type: 'url_verification',
      token: 'unused',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    expect(answer.response.statusCode).toBe(200);
    expect(answer.json?.challenge).toBe('challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    const unsigned = await bot.event({ type: 'url_verification', token: 'unused', challenge: 'x' }, { secret: 'wrong' });
    expect(unsigned.response.statusCode).toBe(401);
  });

  it('verifies a base64 body with non-ASCII text (decoded as UTF-8) and answers it', async () => {
    const event = slashCommandEvent({ text: 'stats café', response_url: bot.slack.responseUrl() });
    expect(event.isBase64Encoded).toBe(true);
    const response = await bot.http(event);
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { text: string };
    expect(body.text).toContain('\u201ccafé\u201d');
    expect(bot.queue.size).toBe(0);
  });

  it('answers a malformed body with 400, not a crash', async () => {
    const json = '{"type": "event_callback", "event": ';
    const ts = Math.floor(Date.now() / 1000);
    const badJson = await bot.http(apiGatewayEvent(json, 'application/json', { timestamp: ts, signature: sign(json, ts, SIGNING_SECRET) }));
    expect(badJson.statusCode).toBe(400);
    const form = 'payload=%7Bnot-json';
    const badPayload = await bot.http(apiGatewayEvent(form, 'application/x-www-form-urlencoded'));
    expect(badPayload.statusCode).toBe(400);
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'http.bad_request', level: 'warn' }));
    // Still serving afterwards.
    expect((await bot.command('help')).response.statusCode).toBe(200);
  });

  it('answers 503 without crashing when the secrets cannot be read, then recovers', async () => {
    let calls = 0;
    const http = createHttpHandler({
      config,
      env: {},
      queue: createLocalQueue(),
      secrets: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Secrets Manager unavailable');
        return SECRETS;
      },
      log: () => {},
    });
    expect((await http(slashCommandEvent({ text: 'help', response_url: bot.slack.responseUrl() }))).statusCode).toBe(503);
    expect((await http(slashCommandEvent({ text: 'help', response_url: bot.slack.responseUrl() }))).statusCode).toBe(200);
  });

  it('acks a cold start with the job queued, not done: no ChatDash or Slack call before the answer', async () => {
    const queue = createLocalQueue();
    const http = createHttpHandler({
      config,
      env: { SLACK_API_URL: bot.slack.apiUrl },
      queue,
      secrets: async () => SECRETS,
      log: () => {},
    });
    const response = await http(slashCommandEvent({ text: 'stats acme 30d', response_url: bot.slack.responseUrl() }));
    expect(response.statusCode).toBe(200);
    expect(queue.size).toBe(1);
    // Within Slack's 3 s by construction: the ack waits on nothing remote (the cold-start time is `npm run bench`'s).
    expect(bot.sandbox.requests).toHaveLength(0);
    expect(bot.slack.calls).toHaveLength(0);
  });

  it('an events callback for an event nobody listens to is acked, not an error', async () => {
    const answer = await bot.event({
      type: 'event_callback',
      team_id: 'T0DEMO',
      event_id: 'Ev0OTHER',
      event: { type: 'reaction_added', user: 'U0ALICE', event_ts: '1.2' },
    });
    expect([200, 404]).toContain(answer.response.statusCode);
    expect(bot.queue.size).toBe(0);
  });

  it('never puts a secret in an answer or a log line', async () => {
    const answers = [
      await bot.command('stats acme 30d'),
      await bot.command('stats bella', { team_id: 'T0OTHER' }),
      await bot.command('stats', {}, { secret: 'wrong' }),
      await bot.command('whatever'),
    ];
    expect(bot.lines.length).toBeGreaterThan(0);
    expect(
      leakedSecrets(
        everythingSeen(
          bot,
          answers.map((a) => a.response),
        ),
      ),
    ).toEqual([]);
  });
});

describe('a bug in the command code', () => {
  it('still ends in an ephemeral apology, not Slack\u2019s bare dispatch_failed', async () => {
    const { log, lines } = recordingLog();
    // A configuration object broken in a way validation would never let through stands in for a bug.
    const broken = {
      ...config,
      get projects(): never {
        throw new TypeError('simulated bug');
      },
    };
    const http = createHttpHandler({
      config: broken,
      env: {},
      queue: createLocalQueue(),
      secrets: async () => SECRETS,
      log,
    });
    const response = await http(slashCommandEvent({ text: 'stats acme 7d', response_url: 'http://127.0.0.1:9/hook' }));
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('something went wrong on my side');
    expect(lines.some((l) => l.includes('slack.command_failed') && l.includes('simulated bug'))).toBe(true);
  });
});
