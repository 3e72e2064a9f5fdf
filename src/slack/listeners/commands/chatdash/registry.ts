/**
 * Every `/chatdash` subcommand, in the order of the help text. Adding one: a module in this folder exporting a
 * `Subcommand`, and one line in SUBCOMMANDS.
 */
import { alert, alerts } from './alert-commands.ts';
import { help } from './help.ts';
import { overview } from './overview.ts';
import { projects } from './projects.ts';
import { stats } from './stats.ts';
import type { Subcommand } from './subcommand.ts';
import { connect, disconnect, subscribe, subscriptions } from './subscription-commands.ts';

export const SUBCOMMANDS: readonly Subcommand[] = [
  stats,
  overview,
  projects,
  subscribe,
  subscriptions,
  alert,
  alerts,
  connect,
  disconnect,
  help,
];

/** The subcommand a word names (its name or an alias, any case). */
export function findSubcommand(registry: readonly Subcommand[], word: string): Subcommand | undefined {
  const wanted = word.toLowerCase();
  return registry.find((s) => s.name === wanted || (s.aliases ?? []).includes(wanted));
}
