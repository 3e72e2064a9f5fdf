/** The environment the CLI tests run a script in: no keys, URLs or configuration path from the developer's own shell. */

/** Every setting that changes what an npm script talks to or reads. */
const SETTINGS = [
  'SLACK_APP_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_API_URL',
  'SLACK_SOCKET_API_URL',
  'CHATDASH_API_KEY',
  'CHATDASH_API_URL',
  'CHATDASH_CONFIG',
  'SECRET_ID',
];

/** This process's environment without those settings (the demo configuration, the sandbox, no Slack), plus `extra`. */
export function keylessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SETTINGS) delete env[name];
  return { ...env, ...extra };
}
