/** The Slack Web API double on 127.0.0.1 for a test file: started once, reset (calls, faults, channels) before each test. */
import { type SlackDouble, type SlackDoubleOptions, startSlackDouble } from '../../src/slack-double/server.ts';
import { useService } from './late.ts';

export function useSlackDouble(options: SlackDoubleOptions = {}): SlackDouble {
  return useService('the Slack double', { start: () => startSlackDouble(options), reset: (s) => s.reset(), stop: (s) => s.close() });
}
