/**
 * Read and validate the configuration file. Every problem is reported at once, each as
 * `file:line:col: path.to.field: problem`, so a broken file can be fixed in one pass.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { crossCheck, type Problem } from './checks.ts';
import { type DataPath, formatPath, locate } from './locate.ts';
import { Config, KNOWN_KEYS } from './schema.ts';
import { suggest } from './suggest.ts';

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** `subscriptions[0].schedule`, or `(root)`; empty for YAML syntax errors. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid configuration ${file} (${count}):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`;
}

export interface ParseConfigOptions {
  /** Clock for period checks (default: now). */
  now?: Date;
}

/** Parse and validate configuration text. `fileName` only labels error messages. Throws `ConfigError`. */
export function parseConfig(source: string, fileName: string, options: ParseConfigOptions = {}): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    const lines = source.split(/\r?\n/);
    const problems: ConfigProblem[] = [];
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      // One error per line: the first is the cause, the rest are usually its echoes.
      if (problems.some((p) => p.line === line)) continue;
      const hint =
        /alias/i.test(error.message) && (lines[line - 1] ?? '').includes('*')
          ? ' (in YAML a value starting with * must be quoted, and a schedule\u2019s minute field names one minute anyway: schedule: "0 * * * *")'
          : '';
      problems.push({ file: fileName, line, column: col, path: '', message: `YAML syntax error: ${error.message}${hint}` });
    }
    throw new ConfigError(fileName, problems);
  }

  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const problems: Problem[] = [];
  const parsed = z.safeParse(Config, raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...describeIssue(issue, raw));
  }
  problems.push(...crossCheck(raw, options.now ?? new Date()));

  if (problems.length > 0 || !parsed.success) {
    const located = problems.map((problem): ConfigProblem => {
      const { line, column } = locate(doc, lineCounter, problem.path, problem.at);
      return { file: fileName, line, column, path: formatPath(problem.path), message: problem.message };
    });
    located.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ConfigError(fileName, dedupe(located));
  }
  return parsed.data;
}

/** Read, parse and validate a configuration file. Throws `ConfigError` (also when the file cannot be read). */
export function loadConfigFile(path: string): Config {
  const fileName = basename(path);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(fileName, [{ file: fileName, line: 1, column: 1, path: '', message: `cannot read the file (${reason})` }]);
  }
  return parseConfig(source, fileName);
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(raw: unknown, path: DataPath): unknown {
  let value = raw;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of key: value pairs',
};

/** The object kind an unknown key was found in, for "did you mean" suggestions. */
function knownKeysAt(path: DataPath): readonly string[] {
  if (path.length === 0) return KNOWN_KEYS.root;
  const head = path[0];
  if (head === 'defaults' && path.length === 1) return KNOWN_KEYS.defaults;
  if ((head === 'projects' || head === 'channels' || head === 'subscriptions') && path.length === 2) return KNOWN_KEYS[head];
  return [];
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Problem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const value = valueAt(raw, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = suggest(key, knownKeysAt(path));
        return {
          path: [...path, key],
          at: 'key' as const,
          message: `unknown key ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
        };
      });
    case 'invalid_type':
      if (value === undefined) return [{ path, message: 'is required' }];
      return [{ path, message: `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}` }];
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      return [
        {
          path,
          message: `${quote(value)} is not one of: ${options.join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
        },
      ];
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return [{ path, message: `must list at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}` }];
      }
      return [{ path, message: 'must not be empty' }];
    case 'too_big':
      if (issue.origin === 'string') return [{ path, message: `must be at most ${String(issue.maximum)} characters long` }];
      return [{ path, message: `must have at most ${String(issue.maximum)} items` }];
    case 'custom':
      // Some values must not be repeated in an error (a URL that may hold a secret).
      if (issue.params?.quoteValue === false) return [{ path, message: issue.message }];
      return [{ path, message: `${quote(value)} ${issue.message}` }];
    case 'invalid_format':
      return [{ path, message: `${quote(value)} ${issue.message}` }];
    default:
      return [{ path, message: issue.message }];
  }
}
