/**
 * The built worker draws charts from its own folder: bundled into a directory outside the repository (so no
 * node_modules to fall back on), run in a fresh Node process, it answers a stats job with a chart whose PNG was
 * rendered by the resvg wasm and fonts the build copied beside its chunks. The wasm is the same file on the x64
 * build machine and on arm64 Lambda.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqsEvent, statsJob } from '../../src/bench/events.ts';
import { type BundleResult, bundleFunctions } from '../../src/build/bundle.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { SANDBOX_API_KEY, type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { decodePng } from '../support/png.ts';

let dir: string;
let worker: BundleResult;
let slack: SlackDouble;
let sandbox: Sandbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chatdash-worker-bundle-'));
  [worker] = (await bundleFunctions({ outdir: dir, configPath: DEMO_CONFIG_PATH, functions: ['worker'] })) as [BundleResult];
  slack = await startSlackDouble({ fileProcessingPolls: 0 });
  sandbox = await startSandbox();
});
afterAll(async () => {
  await slack?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(eventFile: string): Promise<string> {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(worker.file).href)});
const { readFileSync } = await import('node:fs');
const result = await handler(JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8')));
process.stdout.write('\\nRESULT:' + JSON.stringify(result) + '\\n');`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: 'unused',
        CHATDASH_API_KEY: SANDBOX_API_KEY,
        SLACK_API_URL: slack.apiUrl,
        CHATDASH_API_URL: sandbox.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`worker exited ${code}: ${out.slice(-1500)}`));
    });
  });
}

it('answers a stats job with a chart rendered from the files beside its chunks', async () => {
  expect(worker.assets.map((a) => a.file)).toContain('resvg.wasm');
  const eventFile = join(dir, 'event.json');
  await writeFile(eventFile, JSON.stringify(sqsEvent([statsJob(slack.responseUrl('bundle-chart'), 'stats:bundle-chart')], 'b')));
  const output = await run(eventFile);
  expect(output).toContain('RESULT:{"batchItemFailures":[]}');
  expect(output).toContain('"event":"chart.delivered"');
  const answer = slack.callsTo('response_url').find((c) => c.body.__responseUrlId === 'bundle-chart');
  const image = ((answer?.body.blocks ?? []) as Array<{ type: string; slack_file?: { id: string } }>).find((b) => b.type === 'image');
  expect(image?.slack_file?.id).toMatch(/^F/);
  const file = slack.files().find((f) => f.id === image!.slack_file!.id)!;
  const png = decodePng(file.bytes!);
  expect([png.width, png.height]).toEqual([1200, 600]);
});
