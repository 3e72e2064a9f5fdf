/**
 * The App Home's sections, in the order the tab shows them: the one list every part of the Home comes from. Each is
 * built for the person looking (what they may see) and may be left out (undefined). A new part of the Home (the
 * alerts UI: "Your alerts", and every alert for admins) is one more `HomeSectionSource` in `HOME_SECTIONS`.
 */
import type { AlertStore } from '../../alerts/store.ts';
import type { Config } from '../../config/schema.ts';
import type { Log } from '../../log.ts';
import type { StateStore } from '../../store/store.ts';
import type { PolicyActor } from '../../subscriptions/policy.ts';
import { EVERY_ALERT, MY_ALERTS } from '../alerts/home-sections.ts';
import { CHANNEL_BINDINGS, EVERY_SUBSCRIPTION, MY_SUBSCRIPTIONS } from '../subscriptions/home-sections.ts';
import type { HomeSection } from './view.ts';

/** Who is looking, and what a section may read. */
export interface HomeContext {
  config: Config;
  store: StateStore;
  /** The alert store (the alerts sections); absent: those sections are left out. */
  alerts?: AlertStore;
  log: Log;
  now: () => Date;
  userId: string;
  teamId: string;
  actor: PolicyActor;
  /** The page each section shows (its "Next page" cursor, by section id); absent: the first page. */
  pages: Readonly<Record<string, string>>;
}

export interface HomeSectionSource {
  /** The section's id (`[a-z-]`), as its "Next page" button names it. */
  id: string;
  /** Its heading, also shown when it could not be built. */
  title: string;
  /** The section for this person, or undefined when it is not for them (e.g. admins only). */
  build(home: HomeContext): Promise<HomeSection | undefined>;
}

/** Every section of the App Home, in order. The alerts UI's are `src/slack/alerts/home-sections.ts`. */
export const HOME_SECTIONS: readonly HomeSectionSource[] = [MY_SUBSCRIPTIONS, MY_ALERTS, EVERY_SUBSCRIPTION, EVERY_ALERT, CHANNEL_BINDINGS];
