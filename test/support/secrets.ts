/**
 * The secrets the test bot runs with. They have distinctive values so that tests can check none of them ever
 * reaches Slack, a log line or an error.
 */
import type { Secrets } from '../../src/secrets/secrets.ts';
import { SIGNING_SECRET } from '../../src/slack-double/requests.ts';

export const BOT_TOKEN = 'xoxb-secret-bot-token-4242';
export const CHATDASH_KEY = 'cdk_secret_api_key_7777';
export const SECRETS: Secrets = { slackSigningSecret: SIGNING_SECRET, slackBotToken: BOT_TOKEN, chatdashApiKey: CHATDASH_KEY };

/** The secret values (of SECRETS, plus any others given) that occur in a text. */
export function leakedSecrets(text: string, others: readonly string[] = []): string[] {
  return [...Object.values(SECRETS), ...others].filter((secret) => text.includes(secret));
}
