/**
 * `npm run dev`: the bot in Socket Mode against your Slack workspace, from this machine (see `src/dev/runner.ts`).
 *
 * Exit codes: 0 stopped (Ctrl-C), 1 could not start (tokens, configuration), 2 usage error.
 */

import { ErrorCode } from '@slack/web-api';
import { ConfigError } from '../config/load.ts';
import { devBanner } from '../dev/banner.ts';
import { createDevLog } from '../dev/dev-log.ts';
import { problemOf } from '../dev/preflight.ts';
import { startDevBot } from '../dev/runner.ts';
import { HOW_TO, TokenError } from '../dev/tokens.ts';
import { exitWithUsage, parseOptions, UsageError } from './args.ts';

const HELP = `Usage: npm run dev [-- --config FILE] [--open | --no-open] [--env-file FILE] [--verbose]

Runs the bot against your Slack workspace in Socket Mode: no public URL, no AWS. The same listeners, worker,
schedule and renderers as on AWS Lambda; jobs, the every-minute schedule and the idempotency store live in
this process (in memory). Data comes from the ChatDash API when CHATDASH_API_KEY is set, otherwise from the
bundled ChatDash sandbox (the demo configuration's projects: acme, bella, quiet, cara, nova, echo and shop) on
127.0.0.1.

  --config FILE    the configuration (default: CHATDASH_CONFIG, else the demo one, src/config/demo.yml)
  --open           let the bot's own workspace use every project from any channel, and DMs, for this
                   session; each channel it lets in is printed with the YAML that would keep it
                   (the default with the demo configuration, which lists no real workspace)
  --no-open        apply the configuration's access rules as written, even the demo one's; a refused
                   request prints the team and channel ids Slack sent and the YAML lines to add
  --env-file FILE  the file with the tokens (default .env in the current directory)
  --verbose        also debug lines and the every-minute ticks that found nothing due
  -h, --help       this text

Environment, or the .env file (the environment wins):
  SLACK_APP_TOKEN   the app-level token, xapp-... with connections:write:
                    ${HOW_TO.app}
  SLACK_BOT_TOKEN   the bot token, xoxb-...:
                    ${HOW_TO.bot}
  CHATDASH_API_KEY  your ChatDash API key (optional: without it, the sandbox)
  CHATDASH_API_URL  the ChatDash API base URL (default https://api.chat-dash.com/v1/public)
  CHATDASH_CONFIG   your configuration file
  STATE_FILE        keep what you make from Slack (subscriptions, alerts and their state, channels
                    connected) in this JSON file (optional: without it, in memory for the session)
No signing secret is needed in Socket Mode. Create the Slack app from manifest.dev.yml: README,
"Try it in your workspace".

Exit codes: 0 stopped with Ctrl-C, 1 could not start (tokens, configuration), 2 usage error.`;

function parse(argv: string[]) {
  return parseOptions(
    argv,
    {
      config: { type: 'string' },
      open: { type: 'boolean' },
      'env-file': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
}

/** Why `npm run dev` could not start, for the terminal: our own messages as they are, anything else by name only. */
function startFailure(error: unknown): string {
  if (error instanceof TokenError || error instanceof ConfigError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  const path = (error as NodeJS.ErrnoException)?.path;
  if (code === 'ENOENT' && path) return `npm run dev: ${path} does not exist (check --config, CHATDASH_CONFIG or --env-file).`;
  return `npm run dev could not start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

async function main(argv: string[]): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const write = (line: string) => process.stdout.write(`${line}\n`);
  let bot: Awaited<ReturnType<typeof startDevBot>>;
  try {
    bot = await startDevBot({
      ...(values.config ? { configPath: values.config } : {}),
      ...(values['env-file'] ? { envFile: values['env-file'] } : {}),
      ...(values.open === undefined ? {} : { open: values.open }),
      log: createDevLog({ write, verbose: values.verbose, colour: process.stdout.isTTY === true }),
      print: write,
    });
  } catch (error) {
    console.error(startFailure(error));
    return 1;
  }
  write(devBanner(bot));
  const envFilePath = bot.envFilePath;
  const end = await new Promise<{ code: number; say: () => void }>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => resolve({ code: 0, say: () => write(`\n${signal}: stopping`) }));
    }
    // @slack/socket-mode reconnects by itself; when Slack refuses the app-level token on a reconnect (revoked
    // meanwhile), that reconnect's promise rejects with nobody to catch it.
    process.on('unhandledRejection', (reason) => resolve({ code: 1, say: () => console.error(connectionLost(reason, envFilePath)) }));
  });
  end.say();
  // A second Ctrl-C while stopping quits at once.
  process.once('SIGINT', () => process.exit(130));
  await bot.stop();
  return end.code;
}

/** Why a running `npm run dev` stopped on its own: a token Slack no longer accepts, or an unexpected error by name. */
function connectionLost(reason: unknown, envFilePath: string): string {
  if ((reason as { code?: unknown })?.code === ErrorCode.PlatformError)
    return new TokenError([problemOf('app', reason)], envFilePath).message;
  return `npm run dev stopped: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) exitWithUsage('dev', error);
    console.error(startFailure(error));
    process.exit(1);
  },
);
