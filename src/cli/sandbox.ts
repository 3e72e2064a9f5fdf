/**
 * `npm run sandbox [-- --port N] [--host H]`: run the ChatDash sandbox until Ctrl-C.
 * Port: `--port`, else env SANDBOX_PORT, else 4010.
 */
import { DEMO_PROJECTS, startSandbox } from '../sandbox/index.ts';
import { exitWithUsage, parseOptions, UsageError } from './args.ts';

const DEFAULT_PORT = 4010;

/** A port number, or undefined for none given; a bad one is a `UsageError` from `--port`, an `Error` from the environment. */
function parsePort(text: string | undefined, source: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    const message = `${source} must be a port number between 0 and 65535, got ${JSON.stringify(text)}`;
    throw source === '--port' ? new UsageError(message) : new Error(message);
  }
  return port;
}

async function main(): Promise<void> {
  const values = parseOptions(process.argv.slice(2), {
    port: { type: 'string' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    console.log(`Usage: npm run sandbox [-- --port N] [--host H]
Runs the ChatDash sandbox (the analytics endpoint with deterministic demo projects) until Ctrl-C.
  --port N   port to listen on (default: SANDBOX_PORT, else ${DEFAULT_PORT})
  --host H   address to bind (default 127.0.0.1)
Faults for experiments: POST /__sandbox/fault with {"fault": {"type": "rate_limit", "retryAfterSeconds": 5}} ({"fault": null} clears).
Incidents for alerts: POST /__sandbox/incident with {"projectId": "proj_demo_shop", "incident": {"from": "<ISO 8601>", "missRate": 0.35}}
({"incident": null} clears; also "until", "conversationsFactor", "message": {"id", "label"}).`);
    return;
  }
  const port = parsePort(values.port, '--port') ?? parsePort(process.env.SANDBOX_PORT, 'SANDBOX_PORT') ?? DEFAULT_PORT;
  const host = values.host ?? '127.0.0.1';
  const sandbox = await startSandbox({ port, host });
  const origin = new URL(sandbox.url).origin;
  const today = new Date();
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const start = new Date(end.getTime() - 7 * 86_400_000);
  const query = JSON.stringify({
    query: [
      {
        metrics: ['conversations', 'topTopics', 'totalCost'],
        filter: { startTime: start.toISOString(), endTime: end.toISOString() },
      },
    ],
  });
  const width = Math.max(...DEMO_PROJECTS.map((p) => p.id.length));
  const lines = [
    'ChatDash sandbox running',
    `  Base URL : ${sandbox.url}`,
    `  API key  : ${sandbox.apiKey}   (sandbox only, not a secret)`,
    '  Projects :',
    ...DEMO_PROJECTS.map((p) => `    ${p.id.padEnd(width)}  ${p.name} (${p.kind}, ${p.currency})`),
    '',
    '  Try it:',
    `    curl -s -X POST ${sandbox.url}/projects/proj_demo_text/analytics/query \\`,
    `      -H 'Authorization: ${sandbox.apiKey}' -H 'Content-Type: application/json' \\`,
    `      -d '${query}'`,
    '',
    '  Inject a fault (e.g. one 429), clear it with {"fault":null}:',
    `    curl -s -X POST ${origin}/__sandbox/fault -H 'Content-Type: application/json' \\`,
    `      -d '{"fault":{"type":"rate_limit","retryAfterSeconds":2,"times":1}}'`,
    '',
    '  Play an incident for alerts (the misunderstood rate jumps from now on), clear it with {"incident":null}:',
    `    curl -s -X POST ${origin}/__sandbox/incident -H 'Content-Type: application/json' \\`,
    `      -d '{"projectId":"proj_demo_shop","incident":{"from":"${new Date().toISOString()}","missRate":0.35}}'`,
    '',
    'Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`Could not close the sandbox cleanly: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) exitWithUsage('sandbox', e);
  process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
