/**
 * Any number of deterministic sandbox projects, for tests and the benchmark of the agency overview (50 or 100
 * client bots at once). Project `i` (0-based) is derived from the demo projects and its index alone: sizes,
 * kinds and currencies vary, some get awkward names (long, emoji, `&`, `<`, right-to-left), and a fixed pattern
 * makes some of them quiet (no traffic) or degrading, so a ranked overview has something to rank.
 */
import { DEMO_PROJECTS, type DemoProject } from './demo-projects.ts';

export interface SyntheticOptions {
  /** Every n-th project (i % n === n − 1) has no traffic at all; 0 for none (default 10). */
  quietEvery?: number;
  /** Every n-th project (i % n === 3 % n) is degrading like the demo's Nova bot; 0 for none (default 7). */
  degradingEvery?: number;
}

const NAME_FLAVOURS = [
  (n: string) => `Client ${n} Support Bot`,
  (n: string) => `Client ${n} · Café & Bäckerei 🥐`,
  (n: string) => `Client ${n} <Premium> Helpdesk`,
  (n: string) => `عميل ${n} مساعد`,
  (n: string) => `Client ${n} ${'Very Long Name '.repeat(10).trim()}`,
  (n: string) => `Client ${n} Booking Line`,
];

/** `proj_synth_007` for i = 7. */
export function syntheticProjectId(i: number): string {
  return `proj_synth_${String(i).padStart(3, '0')}`;
}

function every(n: number | undefined, fallback: number): number {
  return n === undefined ? fallback : Math.max(0, Math.floor(n));
}

export function syntheticProjects(count: number, options: SyntheticOptions = {}): DemoProject[] {
  const quietEvery = every(options.quietEvery, 10);
  const degradingEvery = every(options.degradingEvery, 7);
  // Templates: the demo projects with traffic and no story of their own (no slide, no emerging training gap, no
  // hour-of-day rhythm: the alerts' web-shop bot stays out, so project i is the same whatever alerts add).
  const templates = DEMO_PROJECTS.filter((p) => p.dailyConversations > 0 && !p.degrading && !p.hourFactors).map(
    ({ emergingMisunderstood: _, ...steady }): DemoProject => steady,
  );
  const slide = DEMO_PROJECTS.find((p) => p.degrading)?.degrading;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i): DemoProject => {
    const template = templates[i % templates.length]!;
    const number = String(i).padStart(3, '0');
    const quiet = quietEvery > 0 && i % quietEvery === quietEvery - 1;
    const degrading = !quiet && degradingEvery > 0 && i % degradingEvery === 3 % degradingEvery;
    // Sizes from a few to a few thousand conversations a day, in a fixed, index-driven pattern.
    const size = quiet ? 0 : Math.round(3 + ((i * 7919) % 997) * (i % 3 === 0 ? 3 : 0.4));
    const project: DemoProject = {
      ...template,
      id: syntheticProjectId(i),
      name: NAME_FLAVOURS[i % NAME_FLAVOURS.length]!(number),
      dailyConversations: size,
    };
    return degrading && slide ? { ...project, degrading: slide } : project;
  });
}
