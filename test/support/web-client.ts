/** A WebClient for tests against the Slack double: no retries, no log noise (the tests provoke errors on purpose). */
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import type { SlackDouble } from '../../src/slack-double/server.ts';

export const quietLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

export function doubleClient(double: SlackDouble, token = 'xoxb-test-token'): WebClient {
  return new WebClient(token, { slackApiUrl: double.apiUrl, retryConfig: { retries: 0 }, logger: quietLogger });
}
