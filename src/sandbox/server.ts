/**
 * A local stand-in for ChatDash's analytics API (in the spirit of stripe-mock): real HTTP, the real request and
 * response shapes, deterministic demo data and injectable faults. Used by the tests, `npm run sandbox`, demos and
 * benchmarks.
 *
 * Routes:
 * - `POST {url}/projects/{projectId}/analytics/query` — the ChatDash endpoint.
 * - `POST /__sandbox/fault` with `{ fault, projectId? }` — set (or clear, with `fault: null`) a fault.
 * - `POST /__sandbox/incident` with `{ projectId, incident }` — play (or clear, with `incident: null`) an incident:
 *   from an instant, the project's bot misses far more messages and/or its conversations drop or surge.
 * - `GET /__sandbox/health` — `{ ok: true, projects: [...] }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import { METRIC_NAMES, type MetricName } from '../chatdash/schema.ts';
import { DEMO_PROJECTS, type DemoProject } from './demo-projects.ts';
import { applyBodyFault, type Fault, FaultBook, FaultRequestSchema } from './faults.ts';
import { generateAnalytics } from './generate.ts';
import { IncidentRequestSchema, type IncidentSpan, incidentSpan, type SandboxIncident } from './incidents.ts';

export type { Fault } from './faults.ts';
export type { SandboxIncident } from './incidents.ts';

/** The sandbox's API key. Not a secret: it only opens the sandbox. */
export const SANDBOX_API_KEY = 'sandbox_key_not_secret';

const API_PREFIX = '/v1/public';
const ANALYTICS_PATH = /^\/v1\/public\/projects\/([^/]+)\/analytics\/query\/?$/;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_RANGE_DAYS = 400;

export interface SandboxOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default SANDBOX_API_KEY. */
  apiKey?: string;
  /** The projects it knows (default `DEMO_PROJECTS`; `syntheticProjects(n)` adds many more for tests and the bench). */
  projects?: readonly DemoProject[];
  /** Per-project faults in force from the start, e.g. `DEMO_FAULTS` (default none); `setFault(undefined, id)` clears one. */
  faults?: ReadonlyArray<{ projectId: string; fault: Fault }>;
  /** Incidents in force from the start, by project id (default none); `setIncident` changes them later. */
  incidents?: Record<string, SandboxIncident>;
  /**
   * The clock recent demo data is relative to (epoch ms): emerging misunderstood messages start days before it, and
   * `degrading` projects slide towards it. Default: `Date.now`. Tests and demos that simulate time pass theirs.
   */
  now?: () => number;
}

export interface SandboxRequest {
  projectId: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  authorized: boolean;
}

export interface Sandbox {
  /** Base URL ending in `/v1/public`: the client's `baseUrl`. */
  url: string;
  apiKey: string;
  close(): Promise<void>;
  /** Set a fault for every project, or only `projectId`; `undefined` clears it. */
  setFault(fault: Fault | undefined, projectId?: string): void;
  /** Play an incident on a project from now on (its data depends on the instants queried); `undefined` clears it. */
  setIncident(projectId: string, incident: SandboxIncident | undefined): void;
  /** Every analytics request received, in order. */
  requests: SandboxRequest[];
}

const QueryBody = z.object({
  query: z.array(
    z.object({
      metrics: z.array(z.string()),
      filter: z.object({ startTime: z.string(), endTime: z.string() }),
    }),
  ),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { statusCode: status, error: REASONS[status] ?? 'Internal Server Error', message }, headers);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

interface ValidQuery {
  metrics: MetricName[];
  startMs: number;
  endMs: number;
}

/** Validate an analytics query body; throws HttpError(400) with a message a developer can act on. */
function validateQuery(body: unknown): ValidQuery[] {
  const parsed = z.safeParse(QueryBody, body);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'Body must be { "query": [ { "metrics": [...], "filter": { "startTime": "<ISO 8601>", "endTime": "<ISO 8601>" } } ] }',
    );
  }
  if (parsed.data.query.length === 0) throw new HttpError(400, '"query" must hold at least one query object');
  return parsed.data.query.map((q, i) => {
    for (const metric of q.metrics) {
      if (!(METRIC_NAMES as readonly string[]).includes(metric)) {
        throw new HttpError(400, `query[${i}]: unknown metric ${JSON.stringify(metric)}; known: ${METRIC_NAMES.join(', ')}`);
      }
    }
    const startMs = Date.parse(q.filter.startTime);
    const endMs = Date.parse(q.filter.endTime);
    if (Number.isNaN(startMs)) throw new HttpError(400, `query[${i}].filter.startTime is not a date: use ISO 8601`);
    if (Number.isNaN(endMs)) throw new HttpError(400, `query[${i}].filter.endTime is not a date: use ISO 8601`);
    if (endMs <= startMs) throw new HttpError(400, `query[${i}].filter: endTime must be after startTime`);
    if (endMs - startMs > MAX_RANGE_DAYS * 86_400_000) {
      throw new HttpError(400, `query[${i}].filter: the range is longer than ${MAX_RANGE_DAYS} days`);
    }
    return { metrics: q.metrics as MetricName[], startMs, endMs };
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const now = options.now ?? Date.now;
  const faults = new FaultBook();
  for (const { projectId, fault } of options.faults ?? []) faults.set(fault, projectId);
  const projects = new Map((options.projects ?? DEMO_PROJECTS).map((p) => [p.id, p]));
  const incidents = new Map<string, IncidentSpan>();
  const setIncident = (projectId: string, incident: SandboxIncident | undefined): void => {
    if (incident) incidents.set(projectId, incidentSpan(incident));
    else incidents.delete(projectId);
  };
  for (const [projectId, incident] of Object.entries(options.incidents ?? {})) setIncident(projectId, incident);
  const requests: SandboxRequest[] = [];
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        done: resolve,
      };
      pendingDelays.add(entry);
    });

  async function handleAnalytics(req: IncomingMessage, res: ServerResponse, rawProjectId: string): Promise<void> {
    let projectId: string;
    try {
      projectId = decodeURIComponent(rawProjectId);
    } catch {
      throw new HttpError(400, 'The project id in the path is not valid URL encoding');
    }
    const text = await readBody(req);
    const json = parseJson(text);
    const authorized = req.headers.authorization === apiKey;
    requests.push({ projectId, body: json.ok ? json.value : text, authorized });

    if (!authorized) {
      throw new HttpError(
        401,
        req.headers.authorization === undefined ? 'Missing Authorization header: send the agency API key' : 'Invalid API key',
      );
    }

    const fault = faults.take(projectId);
    if (fault?.type === 'slow') {
      await delay(fault.delayMs);
      if (res.destroyed) return;
    }
    if (fault?.type === 'rate_limit') {
      sendError(res, 429, `Rate limit exceeded: retry after ${fault.retryAfterSeconds} s`, {
        'Retry-After': String(Math.ceil(fault.retryAfterSeconds)),
      });
      return;
    }
    if (fault?.type === 'server_error') {
      sendError(res, fault.status ?? 500, 'Simulated server error (sandbox fault)');
      return;
    }

    const project = projects.get(projectId);
    if (!project) throw new HttpError(404, `Project ${JSON.stringify(projectId)} not found`);
    if (!json.ok) throw new HttpError(400, 'Body is not valid JSON');
    const queries = validateQuery(json.value);

    if (fault?.type === 'malformed_json') {
      const truncated = '{"conversations":{"counts":[12,17,';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(truncated);
      return;
    }
    const body: Record<string, unknown> = {};
    for (const q of queries) {
      const generated = generateAnalytics(project, q.startMs, q.endMs, q.metrics, { nowMs: now(), incident: incidents.get(projectId) });
      for (const [key, value] of Object.entries(generated)) {
        if (!(key in body)) body[key] = value;
      }
    }
    sendJson(res, 200, applyBodyFault(body, fault));
  }

  /** A control request's JSON body checked against `schema`; HttpError(400) with `usage` otherwise. */
  async function controlBody<T extends z.core.$ZodType>(req: IncomingMessage, schema: T, usage: string): Promise<z.output<T>> {
    const json = parseJson(await readBody(req));
    const parsed = json.ok ? z.safeParse(schema, json.value) : undefined;
    if (!parsed?.success) throw new HttpError(400, `Body must be ${usage}`);
    return parsed.data;
  }

  async function handleFault(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await controlBody(
      req,
      FaultRequestSchema,
      '{ "fault": { "type": "slow" | "rate_limit" | "server_error" | "malformed_json" | "missing_fields" | "wrong_shape", ... } | null, "projectId"?: string }',
    );
    faults.set(body.fault ?? undefined, body.projectId);
    sendJson(res, 200, { ok: true, fault: body.fault ?? null, projectId: body.projectId ?? null });
  }

  async function handleIncident(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await controlBody(
      req,
      IncidentRequestSchema,
      '{ "projectId": string, "incident": { "from": "<ISO 8601>", "until"?: "<ISO 8601>", "missRate"?: 0..1, "conversationsFactor"?: number, "message"?: { "id", "label" } } | null }',
    );
    if (!projects.has(body.projectId)) throw new HttpError(404, `Project ${JSON.stringify(body.projectId)} not found`);
    setIncident(body.projectId, body.incident ?? undefined);
    sendJson(res, 200, { ok: true, projectId: body.projectId, incident: body.incident ?? null });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
    const analytics = ANALYTICS_PATH.exec(path);
    if (analytics?.[1] !== undefined) {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
      await handleAnalytics(req, res, analytics[1]);
    } else if (path === '/__sandbox/fault') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
      await handleFault(req, res);
    } else if (path === '/__sandbox/incident') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
      await handleIncident(req, res);
    } else if (path === '/__sandbox/health') {
      sendJson(res, 200, {
        ok: true,
        projects: [...projects.values()].map(({ id, name, kind, currency }) => ({ id, name, kind, currency })),
      });
    } else {
      throw new HttpError(404, `No route for ${req.method ?? 'GET'} ${path}`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) sendError(res, e.status, e.message);
      else sendError(res, 500, 'Sandbox bug: unexpected error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}${API_PREFIX}`,
    apiKey,
    requests,
    setFault: (fault, projectId) => faults.set(fault, projectId),
    setIncident,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const entry of pendingDelays) {
          clearTimeout(entry.timer);
          entry.done();
        }
        pendingDelays.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
