/**
 * What a digest needs from a subscription, YAML or runtime alike: the project to fetch, the channel to post to, and
 * how to show it (time zone, locale, currency display, sections), with the configuration's defaults filled in. Pure.
 *
 * This is the one place a subscription's project becomes a digest target: multi-project subscriptions (the agency
 * overview) extend it here.
 */
import { type Config, type CurrencyDisplay, type ProjectConfig, SECTIONS, type Section } from '../config/schema.ts';

/** The fields of a subscription a digest is built from (a YAML subscription and a runtime one both have them). */
export interface DigestSettings {
  project: string;
  channel: string;
  /** Unset: `defaults.timeZone`. */
  timeZone?: string | undefined;
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
  sections?: readonly Section[] | undefined;
}

export interface DigestTarget {
  project: ProjectConfig;
  channel: string;
  timeZone: string;
  locale: string;
  currencyDisplay: CurrencyDisplay;
  /** The sections to show, in the order a digest shows them. */
  sections: Section[];
}

/** The target, or undefined when the subscription's project is not (or no longer) configured. */
export function resolveDigestTarget(config: Config, settings: DigestSettings): DigestTarget | undefined {
  const project = config.projects.find((p) => p.key === settings.project);
  if (!project) return undefined;
  const wanted = new Set<Section>(settings.sections ?? SECTIONS);
  return {
    project,
    channel: settings.channel,
    timeZone: settings.timeZone ?? config.defaults.timeZone,
    locale: settings.locale ?? config.defaults.locale,
    currencyDisplay: settings.currencyDisplay ?? config.defaults.currencyDisplay,
    sections: SECTIONS.filter((s) => wanted.has(s)),
  };
}
