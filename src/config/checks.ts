/**
 * Checks that relate configuration fields to each other: unique keys, ids and names, references to projects,
 * channel bindings of subscriptions, cron schedules that never fire or fire more than hourly, and periods (in the subscription's time zone).
 *
 * They run on the raw parsed YAML, not on schema output, so they report problems even when other parts of the file
 * have the wrong shape (every problem is listed at once). Anything of the wrong type is skipped here: the schema
 * reports it. Pure apart from the clock passed in.
 */
import { Cron } from 'croner';
import { parsePeriod } from '../periods/parse.ts';
import { type DataPath, formatPath } from './locate.ts';
import { ALL_PROJECTS, cronProblem, DEFAULTS, firesMoreThanHourly, isValidTimeZone } from './schema.ts';
import { suggest } from './suggest.ts';

export interface Problem {
  path: DataPath;
  message: string;
  /** Point at the key rather than the value (unknown keys). */
  at?: 'key' | 'value';
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `project` xor `projects`; a `projects` list names each project once, each defined and bound to the channel;
 * `projects: all` needs a channel bound to some project; `sections` belong to one project's digest only.
 */
function checkProjectList(
  sub: Raw,
  index: number,
  channel: string | undefined,
  bound: ReadonlyMap<string, ReadonlySet<string>>,
  checkCovered: (project: string, path: DataPath) => void,
): Problem[] {
  const problems: Problem[] = [];
  const at = (...rest: Array<string | number>): DataPath => ['subscriptions', index, ...rest];
  if (sub.project === undefined && sub.projects === undefined) {
    problems.push({
      path: at('project'),
      message: `is required (or projects: a list of project keys, or ${ALL_PROJECTS}, for the agency overview)`,
    });
  } else if (sub.project !== undefined && sub.projects !== undefined) {
    problems.push({
      path: at('projects'),
      at: 'key',
      message: "use either project (one project's digest) or projects (the overview), not both",
    });
  }
  if (Array.isArray(sub.projects)) {
    const seen = new Set<string>();
    sub.projects.forEach((key, j) => {
      if (typeof key !== 'string') return;
      if (seen.has(key)) problems.push({ path: at('projects', j), message: `${JSON.stringify(key)} is listed twice` });
      seen.add(key);
      checkCovered(key, at('projects', j));
    });
  } else if (sub.projects === ALL_PROJECTS && channel !== undefined && (bound.get(channel)?.size ?? 0) === 0) {
    problems.push({
      path: at('projects'),
      message: `"${ALL_PROJECTS}" would cover nothing: channel ${JSON.stringify(channel)} is bound to no project under channels`,
    });
  }
  if (sub.projects !== undefined && sub.sections !== undefined) {
    problems.push({
      path: at('sections'),
      at: 'key',
      message: "sections choose parts of one project's digest; an overview of projects has none",
    });
  }
  return problems;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Report the second and later occurrences of a value among `items[i][field]`. */
function checkUnique(
  items: unknown[],
  section: string,
  field: string,
  what: string,
  problems: Problem[],
  normalise: (value: string) => string = (v) => v,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (!isRecord(item)) return;
    const value = text(item[field]);
    if (value === undefined) return;
    const key = normalise(value);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    problems.push({
      path: [section, index, field],
      message: `${JSON.stringify(value)} is already used as the ${what} of ${formatPath([section, first])}; ${what}s must be unique`,
    });
  });
}

export function crossCheck(raw: unknown, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(raw)) return problems;

  const projects = list(raw.projects);
  checkUnique(projects, 'projects', 'key', 'key', problems, (v) => v.toLowerCase());
  checkUnique(projects, 'projects', 'id', 'id', problems);
  checkUnique(projects, 'projects', 'name', 'name', problems, (v) => v.trim().replace(/\s+/g, ' ').toLowerCase());
  projects.forEach((p, index) => {
    if (isRecord(p) && p.key === ALL_PROJECTS) {
      problems.push({
        path: ['projects', index, 'key'],
        message: `"${ALL_PROJECTS}" is reserved (\`/chatdash stats all\` and \`projects: all\` mean every project): pick another key`,
      });
    }
  });
  const projectKeys = projects.flatMap((p) => (isRecord(p) && typeof p.key === 'string' ? [p.key] : []));
  const knownProject = new Set(projectKeys);

  const unknownProject = (key: string): string => {
    const guess = suggest(key, projectKeys);
    return `${JSON.stringify(key)} is not a project key defined under projects${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`;
  };

  // Channel bindings: each channel once, every project reference defined.
  const channels = list(raw.channels);
  checkUnique(channels, 'channels', 'channel', 'channel', problems);
  const bound = new Map<string, Set<string>>();
  channels.forEach((binding, index) => {
    if (!isRecord(binding)) return;
    const channel = text(binding.channel);
    list(binding.projects).forEach((key, j) => {
      if (typeof key !== 'string') return;
      if (!knownProject.has(key)) problems.push({ path: ['channels', index, 'projects', j], message: unknownProject(key) });
      if (channel !== undefined) {
        const set = bound.get(channel) ?? new Set<string>();
        set.add(key);
        bound.set(channel, set);
      }
    });
  });

  const defaults = isRecord(raw.defaults) ? raw.defaults : {};
  const defaultZone = text(defaults.timeZone);
  const fallbackZone = defaultZone !== undefined && isValidTimeZone(defaultZone) ? defaultZone : DEFAULTS.timeZone;
  const maxDays =
    Number.isInteger(defaults.maxRangeDays) && (defaults.maxRangeDays as number) >= 1
      ? (defaults.maxRangeDays as number)
      : DEFAULTS.maxRangeDays;

  const subscriptions = list(raw.subscriptions);
  checkUnique(subscriptions, 'subscriptions', 'name', 'name', problems, (v) => v.toLowerCase());
  subscriptions.forEach((sub, index) => {
    if (!isRecord(sub)) return;
    const channel = text(sub.channel);
    /** A project a subscription names must exist and be bound to its channel. */
    const checkCovered = (project: string, path: DataPath): void => {
      if (!knownProject.has(project)) {
        problems.push({ path, message: unknownProject(project) });
      } else if (channel !== undefined && !bound.get(channel)?.has(project)) {
        // A digest must not show a project's numbers where people could not query them.
        problems.push({
          path: ['subscriptions', index, 'channel'],
          message: `${JSON.stringify(channel)} is not bound to project ${JSON.stringify(project)}: add ${project} to this channel's projects under channels`,
        });
      }
    };
    const project = text(sub.project);
    if (project !== undefined) checkCovered(project, ['subscriptions', index, 'project']);
    problems.push(...checkProjectList(sub, index, channel, bound, checkCovered));

    const ownZone = text(sub.timeZone);
    const timeZone = ownZone !== undefined && isValidTimeZone(ownZone) ? ownZone : fallbackZone;

    const schedule = text(sub.schedule);
    if (schedule !== undefined && cronProblem(schedule) === undefined) {
      const next = new Cron(schedule, { mode: '5-part', timezone: timeZone }).nextRun(now);
      if (firesMoreThanHourly(schedule)) {
        // The subscribe modal's minimum, so a YAML digest can't flood a channel either.
        const name = text(sub.name);
        problems.push({
          path: ['subscriptions', index, 'schedule'],
          message: `${JSON.stringify(schedule)} runs more than once an hour${name === undefined ? '' : ` (subscription ${JSON.stringify(name)})`}: digests run at most hourly, so give one minute (like "0 * * * *", every hour on the hour)`,
        });
      } else if (next === null) {
        problems.push({
          path: ['subscriptions', index, 'schedule'],
          message: `${JSON.stringify(schedule)} never runs: no date matches it`,
        });
      }
    }

    const period = text(sub.period);
    if (period !== undefined && period.trim() !== '') {
      const parsed = parsePeriod(period, { now, timeZone, maxDays });
      if (!parsed.ok) {
        problems.push({
          path: ['subscriptions', index, 'period'],
          message: `${JSON.stringify(period)} is not a valid period: ${parsed.error}`,
        });
      }
    }

    const sections = list(sub.sections);
    const seen = new Set<unknown>();
    sections.forEach((section, j) => {
      if (seen.has(section)) {
        problems.push({ path: ['subscriptions', index, 'sections', j], message: `${JSON.stringify(section)} is listed twice` });
      }
      seen.add(section);
    });
  });

  return problems;
}
