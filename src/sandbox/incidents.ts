/**
 * Incidents the sandbox can play, for alert tests and demos: from an instant (until another, or for good) a
 * project's bot misunderstands far more messages, one message dominating what it misses, and/or its conversations
 * drop or surge. Data stays deterministic: whether a bucket is "in" the incident depends only on the instants
 * queried, so a check of a window before `from` sees the normal rhythm and a window inside sees the jump.
 */
import * as z from 'zod/mini';

const instant = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 instant'));

export const IncidentSchema = z.object({
  /** When the incident starts (ISO 8601). */
  from: instant,
  /** When it ends (exclusive); absent = never. */
  until: z.optional(instant),
  /** Share of user messages missed while it lasts (e.g. 0.35), instead of the project's usual rate. */
  missRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** The misunderstood message behind the extra misses (default: a generic "checkout" complaint). */
  message: z.optional(z.object({ id: z.string().check(z.maxLength(100)), label: z.string().check(z.maxLength(500)) })),
  /** Multiplies conversation volume while it lasts (0.2 = a drop to a fifth, 3 = a surge). */
  conversationsFactor: z.optional(z.number().check(z.gte(0), z.lte(100))),
});
export type SandboxIncident = z.infer<typeof IncidentSchema>;

/** Body of `POST /__sandbox/incident`: `incident` null or absent clears the project's incident. */
export const IncidentRequestSchema = z.object({
  projectId: z.string().check(z.minLength(1)),
  incident: z.optional(z.nullable(IncidentSchema)),
});

export const DEFAULT_INCIDENT_MESSAGE = { id: 'incident_checkout', label: 'checkout keeps failing?? "payment declined"' } as const;

/** An incident as instants, ready for the generator. */
export interface IncidentSpan {
  fromMs: number;
  untilMs: number;
  missRate: number | undefined;
  conversationsFactor: number;
  message: { id: string; label: string };
}

export function incidentSpan(incident: SandboxIncident): IncidentSpan {
  return {
    fromMs: Date.parse(incident.from),
    untilMs: incident.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(incident.until),
    missRate: incident.missRate,
    conversationsFactor: incident.conversationsFactor ?? 1,
    message: incident.message ?? DEFAULT_INCIDENT_MESSAGE,
  };
}

/** Milliseconds of [fromMs, toMs) inside the incident. */
export function overlapMs(span: IncidentSpan, fromMs: number, toMs: number): number {
  return Math.max(0, Math.min(toMs, span.untilMs) - Math.max(fromMs, span.fromMs));
}
