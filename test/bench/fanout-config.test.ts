import { describe, expect, it } from 'vitest';
import { FANOUT_TICK, fanoutChannelId, fanoutConfig } from '../../src/bench/fanout-config.ts';
import { ConfigError } from '../../src/config/load.ts';
import { dueDigestJobs } from '../../src/schedule/handler.ts';
import { demoConfig } from '../support/config.ts';

describe('fan-out configuration', () => {
  it('is a valid configuration whose subscriptions all fall due on one tick', () => {
    const { projects } = demoConfig;
    const config = fanoutConfig({ subscriptions: 250, channels: 25, projects });
    expect(config.subscriptions).toHaveLength(250);
    expect(new Set(config.subscriptions.map((s) => s.channel)).size).toBe(25);
    expect(config.subscriptions.filter((s) => s.channel === fanoutChannelId(3))).toHaveLength(10);
    const jobs = dueDigestJobs(config, new Date(FANOUT_TICK));
    expect(new Set(jobs.map((j) => j.subscription)).size).toBe(250);
    expect(dueDigestJobs(config, new Date('2025-01-07T09:00:00Z'))).toEqual([]);
  });

  it('is checked like a file', () => {
    expect(() => fanoutConfig({ projects: [], subscriptions: 1 })).toThrow(RangeError);
    expect(() => fanoutConfig({ projects: [{ key: 'a', id: 'x', name: 'A' }], schedule: 'every day' })).toThrow(ConfigError);
  });
});
