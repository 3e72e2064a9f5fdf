/**
 * Faults the sandbox can be told to inject, for tests and demos: slowness, rate limits, server errors and broken
 * bodies. A fault is set globally or for one project; `times` makes it fire for the next N requests only.
 */
import * as z from 'zod/mini';
import { METRIC_NAMES, type MetricName, responseKeyOf } from '../chatdash/schema.ts';

export type Fault =
  | { type: 'slow'; delayMs: number }
  | { type: 'rate_limit'; retryAfterSeconds: number; times?: number }
  | { type: 'server_error'; status?: number; times?: number }
  | { type: 'malformed_json' }
  | { type: 'missing_fields'; fields: string[] }
  | { type: 'wrong_shape'; fields: string[] };

const times = z.optional(z.number().check(z.int(), z.positive()));
export const FaultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('slow'), delayMs: z.number().check(z.nonnegative(), z.lte(600_000)) }),
  z.object({ type: z.literal('rate_limit'), retryAfterSeconds: z.number().check(z.nonnegative()), times }),
  z.object({
    type: z.literal('server_error'),
    status: z.optional(z.number().check(z.int(), z.gte(500), z.lte(599))),
    times,
  }),
  z.object({ type: z.literal('malformed_json') }),
  z.object({ type: z.literal('missing_fields'), fields: z.array(z.string()) }),
  z.object({ type: z.literal('wrong_shape'), fields: z.array(z.string()) }),
]);

/** Body of `POST /__sandbox/fault`: `fault` null or absent clears it. */
export const FaultRequestSchema = z.object({
  fault: z.optional(z.nullable(FaultSchema)),
  projectId: z.optional(z.string()),
});

const GLOBAL = '\u0000global';

/** The faults in force. `take` is called once per analytics request and uses up one of a fault's `times`. */
export class FaultBook {
  readonly #faults = new Map<string, { fault: Fault; remaining: number }>();

  set(fault: Fault | undefined, projectId?: string): void {
    const key = projectId ?? GLOBAL;
    if (!fault) {
      this.#faults.delete(key);
      return;
    }
    const limit = 'times' in fault && fault.times !== undefined ? fault.times : Number.POSITIVE_INFINITY;
    this.#faults.set(key, { fault, remaining: limit });
  }

  /** The fault for this request (a project's own before the global one), if any. */
  take(projectId: string): Fault | undefined {
    for (const key of [projectId, GLOBAL]) {
      const entry = this.#faults.get(key);
      if (!entry) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.#faults.delete(key);
      return entry.fault;
    }
    return undefined;
  }

  clear(): void {
    this.#faults.clear();
  }
}

/** Field names may be given as response keys or as request metric names (`conversationByCountry`). */
function responseKeys(fields: readonly string[]): string[] {
  return fields.map((f) => ((METRIC_NAMES as readonly string[]).includes(f) ? responseKeyOf(f as MetricName) : f));
}

/** A value of the wrong type for whatever `value` was. */
function wrongShapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return { items: 'not a list' };
  if (typeof value === 'number') return 'about a hundred';
  if (typeof value === 'object' && value !== null) return [{ counts: 'n/a', total: -1 }];
  return { unexpected: true };
}

/** Apply a body fault (`missing_fields`, `wrong_shape`) to a generated response; other faults leave it alone. */
export function applyBodyFault(body: Record<string, unknown>, fault: Fault | undefined): Record<string, unknown> {
  if (!fault) return body;
  const out = { ...body };
  if (fault.type === 'missing_fields') {
    for (const key of responseKeys(fault.fields)) delete out[key];
  } else if (fault.type === 'wrong_shape') {
    for (const key of responseKeys(fault.fields)) out[key] = wrongShapeOf(out[key]);
  }
  return out;
}
