/**
 * The deployable bundles, run as Lambda would run them: `dist/<fn>/index.mjs` imported in a fresh Node process with
 * only the Lambda environment, the HTTP function answering a signed slash command (cold start included) and
 * queueing to SQS (moto), the worker taking that SQS message and answering on the Slack double; the HTTP function
 * opening and saving the subscribe modal from its separately built subscription UI bundle, into DynamoDB (moto). The worker built
 * outside the repository (no node_modules to fall back on) draws its chart from the resvg wasm and fonts the build
 * copied beside its chunks; the wasm is the same file on the x64 build machine and on arm64 Lambda. The deadletter
 * function, built away too, reports a dead digest from its on-demand chunk.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateQueueCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSubmission, statsJob, subscribeSubmission } from '../../src/bench/events.ts';
import { type BundleResult, bundleFunctions, ROOT } from '../../src/build/bundle.ts';
import { SECRETS_CLIENT_FILE } from '../../src/build/secrets-client.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { slashCommandEvent } from '../../src/slack-double/requests.ts';
import { createDynamoAlertStores } from '../../src/store/alerts-dynamo.ts';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { sqsEvent } from '../support/payloads.ts';
import { decodePng } from '../support/png.ts';
import { useSandbox } from '../support/sandbox.ts';
import { BOT_TOKEN, CHATDASH_KEY, leakedSecrets, SECRETS } from '../support/secrets.ts';
import { useSlackDouble } from '../support/slack-double.ts';
import { answersTo } from '../support/slack-messages.ts';
import { createStateTable } from '../support/state-table.ts';

/**
 * Imports a bundle in a child Node process, calls its handler with EVENT (JSON), prints the result after a marker.
 * No timings: cold starts are measured by `npm run bench`, tests assert what the bundles do.
 */
const RUNNER = `
const { handler } = await import(process.env.BUNDLE_URL);
const result = await handler(JSON.parse(process.env.EVENT));
process.stdout.write('\\nRESULT:' + JSON.stringify({ result }) + '\\n');
`;

interface RunResult {
  result: { statusCode?: number; body?: string; batchItemFailures?: Array<{ itemIdentifier: string }> };
  /** Everything else the process wrote (its log lines). */
  output: string;
}

/** Async on purpose: the loopback servers this child talks to live in this process. */
function runBundle(file: string, event: unknown, env: Record<string, string>, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--no-warnings', '-e', RUNNER], {
      cwd,
      env: { ...env, BUNDLE_URL: pathToFileURL(file).href, EVENT: JSON.stringify(event), AWS_LAMBDA_FUNCTION_NAME: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const marker = stdout.lastIndexOf('\nRESULT:');
      if (code !== 0 || marker < 0) {
        reject(new Error(`bundle process exited ${code}: ${stderr.slice(-1500)}\n${stdout.slice(-1500)}`));
        return;
      }
      const line = stdout.slice(marker + '\nRESULT:'.length).split('\n')[0]!;
      resolve({ ...(JSON.parse(line) as Omit<RunResult, 'output'>), output: stdout.slice(0, marker) + stderr });
    });
  });
}

let outdir: string;
let files: Record<string, string>;
const slack = useSlackDouble({ token: BOT_TOKEN });
const sandbox = useSandbox({ apiKey: CHATDASH_KEY });

beforeAll(async () => {
  // Inside the project, so the bundles resolve the external `@aws-sdk/*` from its node_modules as Lambda's runtime would.
  // Under the repository so the bundles resolve the external @aws-sdk/* from node_modules; .cache may not exist on a fresh clone.
  await mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  outdir = await mkdtemp(join(ROOT, 'node_modules', '.cache', 'http-bundle-test-'));
  const built = await bundleFunctions({ outdir, configPath: DEMO_CONFIG_PATH, functions: ['http', 'worker'] });
  files = Object.fromEntries(built.map((b) => [b.name, b.file]));
});
afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

const secretsEnv = { SLACK_SIGNING_SECRET: SECRETS.slackSigningSecret, SLACK_BOT_TOKEN: BOT_TOKEN, CHATDASH_API_KEY: CHATDASH_KEY };

function expectNoSecrets(text: string): void {
  expect(leakedSecrets(text)).toEqual([]);
}

describe('the HTTP bundle on its own', () => {
  it('answers a signed /chatdash help from a cold start, without any AWS or Slack call', async () => {
    const event = slashCommandEvent({ text: 'help', response_url: slack.responseUrl('bundle-help') });
    const run = await runBundle(files.http!, event, {
      ...secretsEnv,
      // Unreachable on purpose: help must not need the queue, Slack or AWS.
      JOBS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/unreachable',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'unused',
      AWS_SECRET_ACCESS_KEY: 'unused',
    });
    expect(run.result.statusCode).toBe(200);
    const body = JSON.parse(run.result.body!) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/chatdash stats [project] [range]');
    expect(slack.calls).toHaveLength(0);
    expectNoSecrets(run.output);
  });

  it('refuses a bad signature with 401', async () => {
    const event = slashCommandEvent({ text: 'help', response_url: slack.responseUrl() }, { secret: 'wrong' });
    const run = await runBundle(files.http!, event, { ...secretsEnv, JOBS_QUEUE_URL: 'http://127.0.0.1:9/q' });
    expect(run.result.statusCode).toBe(401);
  });
});

describe.skipIf(!motoAvailable)('the HTTP and worker bundles through SQS (moto)', () => {
  const moto = useMoto();
  let sqs: SQSClient;
  let queueUrl: string;

  beforeAll(async () => {
    sqs = new SQSClient(moto.clientConfig);
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'bundle-jobs' }))).QueueUrl!;
  });
  afterAll(() => {
    sqs?.destroy();
  });

  it('/chatdash stats 30d: acked and queued; the worker bundle delivers the stats to the response_url', async () => {
    const responseUrl = slack.responseUrl('bundle-stats');
    const event = slashCommandEvent({ text: 'stats 30d', channel_id: 'C0ACME', response_url: responseUrl, trigger_id: 'trig.bundle' });
    const http = await runBundle(files.http!, event, { ...secretsEnv, ...moto.env, JOBS_QUEUE_URL: queueUrl });
    expect(http.result.statusCode).toBe(200);
    const ack = JSON.parse(http.result.body!) as { text: string };
    expect(ack.text).toContain('Getting the numbers for *Acme Support Bot* (30d)');
    expect(sandbox.requests).toHaveLength(0);
    expectNoSecrets(http.output);

    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect(Messages).toHaveLength(1);
    const message = Messages[0] as Message;
    expect(JSON.parse(message.Body!)).toMatchObject({
      kind: 'stats',
      projectKey: 'acme',
      rangeText: '30d',
      responseUrl,
      idempotencyKey: 'stats:trig.bundle',
    });

    const sqsEvent = {
      Records: [
        {
          messageId: message.MessageId,
          receiptHandle: message.ReceiptHandle,
          body: message.Body,
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: String(Date.now()),
            SenderId: 'test',
            ApproximateFirstReceiveTimestamp: String(Date.now()),
          },
          messageAttributes: {},
          md5OfBody: message.MD5OfBody,
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:bundle-jobs',
          awsRegion: 'us-east-1',
        },
      ],
    };
    const worker = await runBundle(files.worker!, sqsEvent, {
      ...secretsEnv,
      ...moto.env,
      SLACK_API_URL: slack.apiUrl,
      CHATDASH_API_URL: sandbox.url,
    });
    expect(worker.result.batchItemFailures).toEqual([]);
    const answers = answersTo(slack, 'bundle-stats');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ ok: true, body: { response_type: 'ephemeral', replace_original: true } });
    expect(JSON.stringify(answers[0]!.body.blocks)).toContain('Acme Support Bot');
    expect(sandbox.requests.length).toBeGreaterThanOrEqual(2);
    expect(sandbox.requests.every((r) => r.authorized && r.projectId === 'proj_demo_text')).toBe(true);
    expectNoSecrets(worker.output);
    expectNoSecrets(JSON.stringify(slack.calls));
  });

  it('/chatdash subscribe and its modal saved: the subscription UI bundle beside the function, its store in DynamoDB', async () => {
    const table = await createStateTable(moto);
    try {
      const env = { ...secretsEnv, ...table.env, JOBS_QUEUE_URL: queueUrl, SLACK_API_URL: slack.apiUrl };
      expect(existsSync(join(dirname(files.http!), 'subscription-ui.mjs'))).toBe(true);
      const opened = await runBundle(files.http!, slashCommandEvent({ text: 'subscribe acme', response_url: slack.responseUrl() }), env);
      expect(opened.result).toMatchObject({ statusCode: 200, body: '' });
      expect(slack.callsTo('views.open')).toEqual([expect.objectContaining({ ok: true })]);
      const saved = await runBundle(files.http!, subscribeSubmission('trig.bundle.submit'), env);
      expect(saved.result).toMatchObject({ statusCode: 200, body: '' });
      const { items } = await createDynamoStore({ tableName: table.name, env: table.env, log: () => {} }).listByChannel('C0ACME');
      expect(items).toEqual([expect.objectContaining({ project: 'acme', schedule: '0 9 * * MON', owner: 'U0ALICE' })]);
      expect(slack.callsTo('chat.postMessage')).toEqual([
        expect.objectContaining({ ok: true, body: expect.objectContaining({ channel: 'C0ACME' }) }),
      ]);
      expectNoSecrets(opened.output + saved.output);
    } finally {
      table.close();
    }
  });

  it('/chatdash alert and its modal saved: the alerts UI bundle beside the function, the alert in DynamoDB', async () => {
    const table = await createStateTable(moto);
    try {
      const env = { ...secretsEnv, ...table.env, JOBS_QUEUE_URL: queueUrl, SLACK_API_URL: slack.apiUrl };
      expect(existsSync(join(dirname(files.http!), 'alert-ui.mjs'))).toBe(true);
      const opened = await runBundle(files.http!, slashCommandEvent({ text: 'alert acme', response_url: slack.responseUrl() }), env);
      expect(opened.result).toMatchObject({ statusCode: 200, body: '' });
      expect(slack.callsTo('views.open').at(-1)).toMatchObject({
        ok: true,
        body: { view: expect.objectContaining({ callback_id: 'alert:form' }) },
      });
      const saved = await runBundle(files.http!, alertSubmission('trig.bundle.alert'), env);
      expect(saved.result).toMatchObject({ statusCode: 200, body: '' });
      const alerts = await createDynamoAlertStores({ tableName: table.name, env: table.env, log: () => {} }).store.listByChannel(
        'T0DEMO',
        'C0ACME',
      );
      expect(alerts.items.map((a) => a.definition)).toEqual([
        expect.objectContaining({
          project: 'acme',
          condition: { kind: 'threshold', direction: 'below', value: 0.8 },
          createdBy: 'U0ALICE',
        }),
      ]);
      expect(String(slack.callsTo('chat.postMessage').at(-1)?.body.text)).toContain('<@U0ALICE> set up an alert here');
      expectNoSecrets(opened.output + saved.output);
    } finally {
      table.close();
    }
  });
});

describe.skipIf(!motoAvailable)('the bundles reading their secret from Secrets Manager (moto), as in AWS', () => {
  const moto = useMoto();

  beforeAll(async () => {
    const { CreateSecretCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const sm = new SecretsManagerClient(moto.clientConfig);
    await sm.send(new CreateSecretCommand({ Name: 'chatdash-slack/bundle', SecretString: JSON.stringify(SECRETS) }));
    sm.destroy();
  });

  /** Only what Lambda gives a function: no secret in the environment, only where to read it. */
  const lambdaEnv = (secretId: string) => ({
    ...moto.env,
    SECRET_ID: secretId,
    JOBS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/unused',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  });

  it('the bundled client sits beside the functions that read the secret, and the schedule has none', () => {
    for (const name of ['http', 'worker'] as const) {
      expect(existsSync(join(dirname(files[name]!), SECRETS_CLIENT_FILE)), name).toBe(true);
    }
  });

  it('the http bundle reads the secret at init and verifies a signed command with it', async () => {
    const event = slashCommandEvent({ text: 'help', response_url: slack.responseUrl('bundle-sm-help') });
    const run = await runBundle(files.http!, event, lambdaEnv('chatdash-slack/bundle'));
    expect(run.result.statusCode).toBe(200);
    expect(JSON.parse(run.result.body!).text).toContain('/chatdash stats [project] [range]');
    expectNoSecrets(run.output);
    const forged = slashCommandEvent({ text: 'help', response_url: slack.responseUrl() }, { secret: 'not-the-secret' });
    expect((await runBundle(files.http!, forged, lambdaEnv('chatdash-slack/bundle'))).result.statusCode).toBe(401);
  });

  it('the worker bundle, split into chunks, reads the secret through the client beside them and answers a stats job', async () => {
    const event = sqsEvent(statsJob(slack.responseUrl('bundle-sm-stats'), 'stats:bundle-sm-stats'));
    const env = { ...lambdaEnv('chatdash-slack/bundle'), SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url };
    const run = await runBundle(files.worker!, event, env);
    expect(run.result.batchItemFailures).toEqual([]);
    expect(answersTo(slack, 'bundle-sm-stats')).toEqual([expect.objectContaining({ ok: true })]);
    expect(sandbox.requests.every((r) => r.authorized)).toBe(true);
    expectNoSecrets(run.output);
  });

  it('the secret read looks up no AWS config file (Lambda has none): every client setting is given', async () => {
    // Preloaded into the bundle's process: names every file read on stderr.
    const tracer = join(outdir, 'trace-file-reads.cjs');
    await writeFile(
      tracer,
      `const fs = require('node:fs');
process.stderr.write('file reads traced\\n');
for (const [target, name] of [[fs, 'readFile'], [fs, 'readFileSync'], [fs.promises, 'readFile']]) {
  const original = target[name];
  target[name] = function (path, ...rest) { process.stderr.write('file-read ' + String(path) + '\\n'); return original.call(this, path, ...rest); };
}`,
    );
    const home = await mkdtemp(join(outdir, 'home-'));
    const event = slashCommandEvent({ text: 'help', response_url: slack.responseUrl('bundle-sm-files') });
    const run = await runBundle(files.http!, event, {
      ...lambdaEnv('chatdash-slack/bundle'),
      HOME: home,
      NODE_OPTIONS: `--require ${tracer}`,
    });
    expect(run.result.statusCode).toBe(200);
    expect(run.output).toContain('file reads traced');
    expect(run.output.split('\n').filter((line) => line.startsWith('file-read') && line.includes(home))).toEqual([]);
  });

  it('an unreadable secret: 503 and a log line naming the secret, never a value', async () => {
    const event = slashCommandEvent({ text: 'help', response_url: slack.responseUrl() });
    const run = await runBundle(files.http!, event, lambdaEnv('chatdash-slack/absent'));
    expect(run.result.statusCode).toBe(503);
    expect(run.output).toContain('http.init_failed');
    expect(run.output).toContain('chatdash-slack/absent');
    expectNoSecrets(run.output);
  });
});

describe('the worker bundle away from the repository', () => {
  let away: string;
  let worker: BundleResult;

  beforeAll(async () => {
    away = await mkdtemp(join(tmpdir(), 'chatdash-worker-bundle-'));
    [worker] = (await bundleFunctions({ outdir: away, configPath: DEMO_CONFIG_PATH, functions: ['worker'] })) as [BundleResult];
  });
  afterAll(async () => {
    if (away) await rm(away, { recursive: true, force: true });
  });

  it('answers a stats job with a chart rendered from the files beside its chunks', async () => {
    expect(worker.assets.map((a) => a.file)).toContain('resvg.wasm');
    const event = sqsEvent(statsJob(slack.responseUrl('bundle-chart'), 'stats:bundle-chart'));
    const env = { ...secretsEnv, SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url };
    const run = await runBundle(worker.file, event, env, away);
    expect(run.result.batchItemFailures).toEqual([]);
    expect(run.output).toContain('"event":"chart.delivered"');
    const [answer] = answersTo(slack, 'bundle-chart');
    const image = ((answer?.body.blocks ?? []) as Array<{ type: string; slack_file?: { id: string } }>).find((b) => b.type === 'image');
    expect(image?.slack_file?.id).toMatch(/^F/);
    const file = slack.files().find((f) => f.id === image!.slack_file!.id)!;
    expect([decodePng(file.bytes!).width, decodePng(file.bytes!).height]).toEqual([1200, 600]);
    expectNoSecrets(run.output);
  }, 60_000);
});

describe('the deadletter bundle away from the repository', () => {
  let away: string;
  let deadletter: BundleResult;

  beforeAll(async () => {
    away = await mkdtemp(join(tmpdir(), 'chatdash-deadletter-bundle-'));
    [deadletter] = (await bundleFunctions({ outdir: away, configPath: DEMO_CONFIG_PATH, functions: ['deadletter'] })) as [BundleResult];
  });
  afterAll(async () => {
    if (away) await rm(away, { recursive: true, force: true });
  });

  it('reports a dead digest to the admin channel from its on-demand chunk, named as people see it', async () => {
    expect(deadletter.lazyChunks.some((c) => c.inputs.includes('src/deadletter/reports.ts'))).toBe(true);
    expect(deadletter.startupInputs).not.toContain('src/alerts/render.ts');
    const job = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
    const run = await runBundle(deadletter.file, sqsEvent(JSON.stringify(job)), { ...secretsEnv, SLACK_API_URL: slack.apiUrl }, away);
    expect(run.result.batchItemFailures).toEqual([]);
    const [post] = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0ADMIN');
    expect(String(post?.body.text)).toContain('the *Acme Support Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris');
    expectNoSecrets(run.output);
  });
});
