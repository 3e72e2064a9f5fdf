/**
 * A configuration with many subscriptions (default 1,000 over 100 channels), all on the same cron so one tick
 * makes every one of them due: the worst case for the fan-out. Built in memory and validated like a file.
 */
import { parseConfig } from '../config/load.ts';
import type { Config, ProjectConfig } from '../config/schema.ts';

export interface FanoutConfigOptions {
  subscriptions?: number;
  channels?: number;
  /** The projects to spread the subscriptions over (ids the ChatDash sandbox knows). */
  projects: readonly ProjectConfig[];
  /** Every subscription's cron, in UTC (default Mondays 09:00). */
  schedule?: string;
  /** Clock for the validation's period checks. */
  now?: Date;
}

export const FANOUT_TEAM = 'T0DEMO';
export const FANOUT_SCHEDULE = '0 9 * * MON';
/** A tick on which `FANOUT_SCHEDULE` falls due: Monday 2025-01-06 09:00 UTC. */
export const FANOUT_TICK = '2025-01-06T09:00:00.000Z';

export function fanoutChannelId(index: number): string {
  return `C0BENCH${String(index).padStart(4, '0')}`;
}

/** Subscription `i` posts to channel `i mod channels` about project `i mod projects`. Throws `ConfigError` if invalid. */
export function fanoutConfig(options: FanoutConfigOptions): Config {
  const count = options.subscriptions ?? 1000;
  const channelCount = options.channels ?? 100;
  const projects = options.projects;
  if (projects.length === 0) throw new RangeError('fanoutConfig needs at least one project');
  const keys = projects.map((p) => p.key);
  const raw = {
    workspaces: [FANOUT_TEAM],
    admins: ['U0ADMIN'],
    adminChannel: 'C0ADMIN',
    defaults: { locale: 'en-US', timeZone: 'UTC', currencyDisplay: 'symbol' },
    projects: projects.map((p) => ({ key: p.key, id: p.id, name: p.name })),
    channels: Array.from({ length: channelCount }, (_, c) => ({ channel: fanoutChannelId(c), projects: keys })),
    subscriptions: Array.from({ length: count }, (_, i) => ({
      name: `fanout-${String(i).padStart(5, '0')}`,
      project: keys[i % keys.length]!,
      channel: fanoutChannelId(i % channelCount),
      schedule: options.schedule ?? FANOUT_SCHEDULE,
      timeZone: 'UTC',
      period: 'last week',
    })),
  };
  // JSON is YAML: the same parser, schema and cross-field checks as a configuration file.
  return parseConfig(JSON.stringify(raw, null, 1), 'bench-fanout.json', options.now ? { now: options.now } : {});
}
