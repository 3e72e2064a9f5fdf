/**
 * A configuration for an agency with many client bots (the sandbox's synthetic projects), all bound to one
 * agency channel: for the overview benchmark and tests. Built in memory and validated like a file.
 */
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { DemoProject } from '../sandbox/demo-projects.ts';

export const AGENCY_CHANNEL = 'C0AGENCY';

/** The project key for a sandbox project id: `proj_synth_007` → `c007` (the id's last three characters). */
export function agencyProjectKey(id: string): string {
  return `c${id
    .slice(-3)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')}`;
}

export function agencyConfig(projects: readonly DemoProject[], options: { channel?: string } = {}): Config {
  const keys = projects.map((p) => agencyProjectKey(p.id));
  const raw = {
    workspaces: ['T0DEMO'],
    admins: ['U0ADMIN'],
    adminChannel: 'C0ADMIN',
    defaults: { locale: 'en-US', timeZone: 'Europe/Paris', currencyDisplay: 'symbol' },
    projects: projects.map((p, i) => ({ key: keys[i]!, id: p.id, name: p.name })),
    channels: [{ channel: options.channel ?? AGENCY_CHANNEL, projects: keys }],
  };
  // JSON is YAML: the same parser, schema and cross-field checks as a configuration file.
  return parseConfig(JSON.stringify(raw, null, 1), 'bench-agency.json');
}
