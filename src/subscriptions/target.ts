/**
 * What a scheduled post needs from a subscription, YAML or runtime, one project or several alike: which projects it
 * covers (the one place that answers it), the channel to post to, and how to show it (time zone, locale, currency
 * display, sections), with the configuration's defaults filled in. Pure.
 *
 * A subscription names one `project` (it posts that project's digest) or `projects`, a list or `all` (it posts the
 * agency overview of those projects).
 */
import { type ExtraBinding, projectsForChannel } from '../config/access.ts';
import { ALL_PROJECTS } from '../config/all-projects.ts';
import { type Config, type CurrencyDisplay, type ProjectConfig, SECTIONS, type Section } from '../config/schema.ts';

/** The fields of a subscription a post is built from (a YAML subscription and a runtime one both have them). */
export interface DigestSettings {
  /** One project: its digest. */
  project?: string | undefined;
  /** Several projects, or `all` (every project bound to `channel`): the agency overview. */
  projects?: readonly string[] | typeof ALL_PROJECTS | undefined;
  channel: string;
  /** Unset: `defaults.timeZone`. */
  timeZone?: string | undefined;
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
  /** One project's digest only. Unset: every section. */
  sections?: readonly Section[] | undefined;
}

/** The subscription posts the overview of its projects rather than one project's digest. */
export function isOverview(settings: Pick<DigestSettings, 'projects'>): boolean {
  return settings.projects !== undefined;
}

/**
 * The projects a subscription covers, in configuration order. Only projects bound to its channel count, by the
 * configuration or from Slack (`runtimeBindings`, the channel's; others are ignored): a post never shows numbers
 * where people could not ask for them. `all` is every project bound to the channel.
 */
export function coveredProjects(
  config: Config,
  settings: Pick<DigestSettings, 'project' | 'projects' | 'channel'>,
  runtimeBindings: readonly ExtraBinding[] = [],
): ProjectConfig[] {
  const bound = projectsForChannel(config, settings.channel, runtimeBindings);
  const { projects } = settings;
  if (projects === ALL_PROJECTS) return bound;
  const wanted = new Set(projects ?? (settings.project === undefined ? [] : [settings.project]));
  return bound.filter((p) => wanted.has(p.key));
}

interface Presentation {
  channel: string;
  timeZone: string;
  locale: string;
  currencyDisplay: CurrencyDisplay;
}

export type DigestTarget = Presentation &
  (
    | {
        kind: 'project';
        project: ProjectConfig;
        /** The sections to show, in the order a digest shows them. */
        sections: Section[];
      }
    | {
        kind: 'overview';
        /** The projects covered, in configuration order (never empty). */
        projects: ProjectConfig[];
      }
  );

/**
 * Why a subscription has no target: its one project is not (or no longer) configured, or it covers no project its
 * channel may see (a project or a channel disconnected since, a list of projects all gone).
 */
export type TargetProblem = 'unknown_project' | 'nothing_covered';

export type TargetResult = { ok: true; target: DigestTarget } | { ok: false; problem: TargetProblem };

/** The target of a subscription's posts, given its channel's runtime bindings (default none: the configuration's). */
export function resolveDigestTarget(config: Config, settings: DigestSettings, runtimeBindings: readonly ExtraBinding[] = []): TargetResult {
  const presentation: Presentation = {
    channel: settings.channel,
    timeZone: settings.timeZone ?? config.defaults.timeZone,
    locale: settings.locale ?? config.defaults.locale,
    currencyDisplay: settings.currencyDisplay ?? config.defaults.currencyDisplay,
  };
  if (!isOverview(settings) && !config.projects.some((p) => p.key === settings.project)) return { ok: false, problem: 'unknown_project' };
  const covered = coveredProjects(config, settings, runtimeBindings);
  const [project] = covered;
  if (!project) return { ok: false, problem: 'nothing_covered' };
  if (isOverview(settings)) return { ok: true, target: { ...presentation, kind: 'overview', projects: covered } };
  const wanted = new Set<Section>(settings.sections ?? SECTIONS);
  return { ok: true, target: { ...presentation, kind: 'project', project, sections: SECTIONS.filter((s) => wanted.has(s)) } };
}
