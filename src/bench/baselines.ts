/**
 * The bundles the benchmark measures ours against, built side by side in the same run:
 * - `naive-bolt`: a one-command Bolt app (`/chatdash` acks at once) importing `App, AwsLambdaReceiver` from Bolt's
 *   index, bundled the ordinary way (no plugin): what you get without thinking about cold starts;
 * - `slim-bolt`: the same app with Bolt's deep imports and `leanBoltPlugin` (its unused receivers left out);
 * - `floor`: a handler that only checks Slack's signature (node:crypto HMAC) and answers 200: the floor.
 * The Bolt apps are configured as src/slack/app.ts configures ours (no token check at start-up, Web API at
 * `SLACK_API_URL`), and also know their bot ids: without `botId` and `botUserId`, Bolt's single-token authorize
 * calls `auth.test` on every request (tokenVerificationEnabled only moves the first call from start-up to the
 * first request). Answering without calling Slack is what a one-command app can do, so that is the baseline; the
 * bench's "Slack calls" column shows who still calls.
 * All three use the esbuild settings of the real functions (ESM, node22, minified, `@aws-sdk/*` external).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { leanBoltPlugin, metafileInputs, REQUIRE_SHIM } from '../build/bundle.ts';
import { LAMBDA_ESBUILD } from '../build/esbuild-options.ts';

export const BASELINES = ['naive-bolt', 'slim-bolt', 'floor'] as const;
export type BaselineName = (typeof BASELINES)[number];

export interface BaselineBundle {
  name: BaselineName;
  file: string;
  bytes: number;
  inputs: string[];
}

/** What every baseline answers the slash command with (the child checks for it). */
export const BASELINE_ACK_TEXT = 'On it';

const LISTENER = `
app.command(/^\\/chatdash/, async ({ command, ack }) => {
  await ack({ response_type: 'ephemeral', text: ${JSON.stringify(BASELINE_ACK_TEXT)} + ': ' + command.text.slice(0, 100) });
});
export const handler = receiver.toHandler();
`;

const APP = `
const receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  processBeforeResponse: true,
  tokenVerificationEnabled: false,
  botId: 'B0CHATDASH',
  botUserId: 'U0CHATDASH',
  clientOptions: process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {},
});
`;

export const ENTRIES: Record<BaselineName, string> = {
  'naive-bolt': `import { App, AwsLambdaReceiver } from '@slack/bolt';\n${APP}${LISTENER}`,
  'slim-bolt': `import AppModule from '@slack/bolt/dist/App.js';
import ReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
const App = AppModule.default;
const AwsLambdaReceiver = ReceiverModule.default;
${APP}${LISTENER}`,
  floor: `import { createHmac, timingSafeEqual } from 'node:crypto';
const secret = process.env.SLACK_SIGNING_SECRET;
export async function handler(event) {
  const headers = event.headers ?? {};
  const timestamp = Number(headers['x-slack-request-timestamp']);
  const signature = String(headers['x-slack-signature'] ?? '');
  const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return { statusCode: 401, body: '' };
  const expected = Buffer.from('v0=' + createHmac('sha256', secret).update('v0:' + timestamp + ':' + body).digest('hex'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { statusCode: 401, body: '' };
  return { statusCode: 200, body: '' };
}
`,
};

/** Writes the baseline entries to `dir/<name>/entry.mjs` and bundles each to `dir/<name>/index.mjs`. */
export async function buildBaselines(dir: string): Promise<BaselineBundle[]> {
  const bundles: BaselineBundle[] = [];
  for (const name of BASELINES) {
    const out = join(dir, name);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const entry = join(out, 'entry.mjs');
    await writeFile(entry, ENTRIES[name]);
    const file = join(out, 'index.mjs');
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: file,
      ...LAMBDA_ESBUILD,
      external: ['@aws-sdk/*'],
      banner: { js: REQUIRE_SHIM },
      plugins: name === 'slim-bolt' ? [leanBoltPlugin()] : [],
      metafile: true,
      logLevel: 'error',
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    bundles.push({ name, file, bytes, inputs: metafileInputs(result.metafile) });
  }
  return bundles;
}
