/**
 * The Slack Web API double on 127.0.0.1 for a test file (started once, reset before each test: calls, faults,
 * channels, files), and a WebClient for it that neither retries nor logs (tests provoke errors on purpose).
 */
import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { type SlackDouble, type SlackDoubleOptions, startSlackDouble } from '../../src/slack-double/server.ts';
import { useService } from './late.ts';

export function useSlackDouble(options: SlackDoubleOptions = {}): SlackDouble {
  return useService('the Slack double', { start: () => startSlackDouble(options), reset: (s) => s.reset(), stop: (s) => s.close() });
}

/** WebClient logs Slack's response_metadata warnings at error level; tests that provoke them want silence. */
export const quietLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

/** A WebClient on the double with `token` (default the double's): no retries, no log, `extra` on top. */
export function doubleClient(double: Pick<SlackDouble, 'apiUrl'>, token = 'xoxb-test-token', extra: WebClientOptions = {}): WebClient {
  return new WebClient(token, { slackApiUrl: double.apiUrl, retryConfig: { retries: 0 }, logger: quietLogger, ...extra });
}
