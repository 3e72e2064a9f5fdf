/** Which projects a subscription covers: one, a list, or all those bound to its channel — and never one that is not bound there. */
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import type { SubscriptionConfig } from '../../src/config/schema.ts';
import { isOverviewSubscription, subscriptionProjects } from '../../src/overview/subscription.ts';

const config = loadConfigFile(DEMO_CONFIG_PATH);
const base: SubscriptionConfig = { name: 's', channel: 'C0AGENCY', schedule: '0 9 * * MON', period: 'last week' };
const keys = (subscription: SubscriptionConfig) => subscriptionProjects(config, subscription).map((p) => p.key);

describe('subscriptionProjects', () => {
  it.each<[string, Partial<SubscriptionConfig>, string[], boolean]>([
    ['one project', { project: 'bella' }, ['bella'], false],
    ['a list, in configuration order', { projects: ['nova', 'acme'] }, ['acme', 'nova'], true],
    ['all: every project bound to the channel', { projects: 'all' }, ['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop'], true],
    ['all in a one-project channel', { projects: 'all', channel: 'C0ACME' }, ['acme'], true],
    [
      'a project not bound to the channel is left out (a broken config cannot leak it)',
      { projects: ['acme', 'bella'], channel: 'C0ACME' },
      ['acme'],
      true,
    ],
    ['neither (never valid): nothing', {}, [], false],
  ])('%s', (_, fields, expected, overview) => {
    const subscription = { ...base, ...fields };
    expect(keys(subscription)).toEqual(expected);
    expect(isOverviewSubscription(subscription)).toBe(overview);
  });

  it('the demo\u2019s agency-weekly covers the whole agency channel', () => {
    const agency = config.subscriptions.find((s) => s.name === 'agency-weekly')!;
    expect(keys(agency)).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
  });
});
