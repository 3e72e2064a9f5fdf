/**
 * `npm run digest`: build one subscription's digest now, and post it (or, with --dry-run, only show it).
 *
 *   npm run digest -- --subscription NAME [--dry-run] [--config FILE] [--at ISO]
 *
 * It goes through the worker's own code: `resolveDigest` + `buildDigestMessage` for a dry run, `runDigest` (trigger
 * `manual`, so it posts every time it is asked) for a real one. With the demo configuration and no
 * CHATDASH_API_URL it runs against the bundled ChatDash sandbox, and without SLACK_BOT_TOKEN it posts to a local
 * Slack double, so it works with no keys at all.
 *
 * Exit codes: 0 done, 1 the digest could not be built or posted (or the configuration is invalid), 2 usage error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CONFIG_PATH } from '../config/demo.ts';
import { ConfigError, loadConfigFile } from '../config/load.ts';
import { configPathFrom } from '../config/path.ts';
import { findSubscription } from '../config/resolve.ts';
import type { Config } from '../config/schema.ts';
import { suggest } from '../config/suggest.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { renderForTerminal } from '../digest/terminal.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { isOverviewSubscription, subscriptionProjects } from '../overview/subscription.ts';
import { SANDBOX_API_KEY, type Sandbox, startSandbox } from '../sandbox/index.ts';
import { type SlackDouble, startSlackDouble } from '../slack-double/server.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { buildDigestMessage, digestPeriod, resolveDigest, runDigest } from '../worker/digest.ts';
import { buildOverviewDigest } from '../worker/overview-digest.ts';
import { exitWithUsage, parseOptions, UsageError } from './args.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const HELP = `Usage: npm run digest -- --subscription NAME [--dry-run] [--config FILE] [--at ISO] [--out DIR] [--verbose]

Builds one digest now for a subscription of the configuration, with the same code the scheduled worker runs
(for a subscription with projects, several or all, the agency overview of those projects).

  --subscription NAME  the subscription (its name in the configuration's subscriptions list)
  --dry-run            fetch and render only: print the digest and write its Block Kit JSON to
                       <out>/<NAME>.json; nothing is posted to Slack
  --config FILE        the configuration (default: CHATDASH_CONFIG, else the demo configuration)
  --at ISO             build the digest as of this instant (default: now); the subscription's
                       period ("last week", "7d", ...) is computed from it in the subscription's time zone
  --out DIR            where --dry-run writes the JSON (default: .demo/)
  --verbose            print the worker's structured log lines (to stderr)

Without --dry-run the digest is posted to the subscription's channel with chat.postMessage (every run posts:
a manual run is not deduplicated like scheduled ones). Secrets come from the environment:
  SLACK_BOT_TOKEN      the bot token (SLACK_API_URL overrides Slack's Web API URL)
  CHATDASH_API_KEY     the ChatDash agency API key (CHATDASH_API_URL overrides the API URL)
With the demo configuration and CHATDASH_API_URL unset, the bundled ChatDash sandbox is started instead and
no ChatDash key is needed; if SLACK_BOT_TOKEN is also unset, a local Slack double stands in for Slack and
nothing reaches a real workspace.

Exit codes: 0 done, 1 not built or not posted (or an invalid configuration), 2 usage error.`;

function parse(argv: string[]) {
  return parseOptions(argv, {
    subscription: { type: 'string', short: 's' },
    'dry-run': { type: 'boolean', default: false },
    config: { type: 'string' },
    at: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
}

function subscriptionList(config: Config): string {
  return config.subscriptions.length === 0 ? '(none)' : config.subscriptions.map((s) => s.name).join(', ');
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.subscription) throw new UsageError('--subscription NAME is required');

  const configPath = resolve(values.config ?? configPathFrom(env));
  const isDemoConfig = configPath === resolve(DEMO_CONFIG_PATH);
  let config: Config;
  try {
    config = loadConfigFile(configPath);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const subscription = findSubscription(config, values.subscription);
  if (!subscription) {
    const guess = suggest(
      values.subscription,
      config.subscriptions.map((s) => s.name),
    );
    throw new UsageError(
      `Unknown subscription ${JSON.stringify(values.subscription)} in ${configPath}.` +
        `${guess ? ` Did you mean ${JSON.stringify(guess)}?` : ''}\nSubscriptions: ${subscriptionList(config)}`,
    );
  }

  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime()))
    throw new UsageError(`--at ${JSON.stringify(values.at)} is not a date: use ISO 8601, like 2026-11-23T09:00:00Z`);

  const job: DigestJob = { kind: 'digest', subscription: subscription.name, scheduledFor: at.toISOString(), trigger: 'manual' };
  // A subscription covering several projects posts the agency overview; one covering one project, its digest.
  const found = digestPeriod(job, config);
  const overview = 'error' in found || !isOverviewSubscription(found.subscription) ? undefined : found;
  const resolved = overview ? undefined : resolveDigest(job, config);
  if (resolved && 'error' in resolved) {
    console.error(`Cannot build the digest: ${resolved.error}`);
    return 1;
  }

  const dryRun = values['dry-run'];
  const useSandbox = !env.CHATDASH_API_URL && isDemoConfig;
  const chatdashApiKey = useSandbox ? SANDBOX_API_KEY : env.CHATDASH_API_KEY;
  if (!chatdashApiKey) {
    throw new UsageError(
      'CHATDASH_API_KEY is not set: the ChatDash API key is needed to fetch the numbers' +
        (isDemoConfig ? ' (unset CHATDASH_API_URL to use the bundled sandbox instead)' : ''),
    );
  }
  const useSlackDouble = !dryRun && !env.SLACK_BOT_TOKEN && isDemoConfig;
  if (!dryRun && !env.SLACK_BOT_TOKEN && !useSlackDouble) {
    throw new UsageError('SLACK_BOT_TOKEN is not set: the bot token is needed to post (or use --dry-run to only show the digest)');
  }

  const logLines: Array<Record<string, unknown>> = [];
  const print = createLog({ write: (line) => process.stderr.write(`${line}\n`) });
  const log: Log = (level, event, fields) => {
    logLines.push({ level, event, ...fields });
    if (values.verbose) print(level, event, fields);
  };

  let sandbox: Sandbox | undefined;
  let slackDouble: SlackDouble | undefined;
  try {
    const depsEnv: NodeJS.ProcessEnv = { ...env };
    if (useSandbox) {
      sandbox = await startSandbox();
      depsEnv.CHATDASH_API_URL = sandbox.url;
      console.log(`ChatDash: the bundled sandbox at ${sandbox.url} (demo data; CHATDASH_API_URL is not set)`);
    } else {
      console.log(`ChatDash: ${env.CHATDASH_API_URL || 'the ChatDash API'}`);
    }
    let slackBotToken = env.SLACK_BOT_TOKEN ?? '';
    if (useSlackDouble) {
      slackDouble = await startSlackDouble();
      depsEnv.SLACK_API_URL = slackDouble.apiUrl;
      slackBotToken = 'xoxb-test-token';
      console.log(
        `Slack: SLACK_BOT_TOKEN is not set, so this posts to a LOCAL SLACK DOUBLE at ${slackDouble.apiUrl}, not to a real workspace`,
      );
    } else if (!dryRun) {
      console.log(`Slack: ${env.SLACK_API_URL || 'the Slack Web API'}`);
    }

    const deps = await buildDeps(
      config,
      depsEnv,
      // A dry run never calls Slack, so it needs no token; the signing secret is only for the HTTP function.
      async () => ({ slackSigningSecret: 'unused-by-the-worker', slackBotToken: slackBotToken || 'xoxb-unused-dry-run', chatdashApiKey }),
      log,
    );

    const { period } = overview ?? resolved!;
    const about = resolved ? resolved.project.name : `overview of ${subscriptionProjects(config, subscription).length} projects`;
    const heading = `Digest ${subscription.name}: ${about}, ${period.label} (${period.start} .. ${period.end}, ${period.timeZone}) for channel ${subscription.channel}`;

    if (dryRun) {
      const message = resolved ? (await buildDigestMessage(resolved, deps)).plain : (await buildOverviewDigest(overview!, deps))?.message;
      if (!message) {
        console.error(`Cannot build the overview: subscription ${subscription.name} covers no project bound to ${subscription.channel}`);
        return 1;
      }
      console.log(`${heading}\n`);
      console.log(renderForTerminal(message));
      const outDir = resolve(values.out ?? join(ROOT, '.demo'));
      await mkdir(outDir, { recursive: true });
      const jsonPath = join(outDir, `${subscription.name}.json`);
      await writeFile(jsonPath, `${JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2)}\n`);
      console.log(`Block Kit JSON: ${jsonPath} (${message.blocks.length} blocks)`);
      console.log('Dry run: nothing was posted.');
      return 0;
    }

    console.log(heading);
    const outcome = await runDigest(job, deps);
    if (outcome !== 'posted') {
      const alert = logLines.find((l) => l.level === 'error');
      console.error(
        `Not posted (${outcome}).` +
          (config.adminChannel ? ` The admins were alerted in ${config.adminChannel}.` : '') +
          (alert ? ` Reason: ${String(alert.event)}${alert.error ? ` (${String(alert.error)})` : ''}` : ''),
      );
      return 1;
    }
    const posted = logLines.find((l) => l.event === 'digest.posted');
    console.log(`Posted to ${subscription.channel}${posted?.ts ? ` (ts ${String(posted.ts)})` : ''}.`);
    if (slackDouble) {
      const call = slackDouble.callsTo('chat.postMessage').find((c) => c.ok && c.body.channel === subscription.channel);
      if (call) console.log(`\nWhat the Slack double received:\n\n${renderForTerminal(call.body as unknown as SlackMessage)}`);
    }
    return 0;
  } catch (error) {
    // Our errors carry no secrets (the ChatDash client redacts its key; Slack errors name only the error code).
    const { errorName, errorMessage } = errorFields(error) as { errorName: string; errorMessage?: string };
    console.error(`The digest failed: ${errorName}${errorMessage ? `: ${errorMessage}` : ''}`);
    return 1;
  } finally {
    await slackDouble?.close();
    await sandbox?.close();
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) exitWithUsage('digest', error);
    console.error(error);
    process.exit(1);
  },
);
