/**
 * A staging proxy in front of moto: moto does not serialise concurrent requests, so races are staged
 * deterministically instead. `before(target, hook)` holds the next request with that X-Amz-Target until `hook`
 * (another writer's change) has landed, then forwards it.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { useMoto } from './moto.ts';
import { createStateTable, type StateTable } from './state-table.ts';

export interface Interceptor {
  endpoint: string;
  /** Runs `hook` (once) before forwarding the next request with this X-Amz-Target. */
  before(target: string, hook: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function startInterceptor(upstream: string): Promise<Interceptor> {
  const target = new URL(upstream);
  const hooks = new Map<string, () => Promise<void>>();
  const server = createServer((req, res) => {
    void (async () => {
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      const hook = hooks.get(amzTarget);
      if (hook) {
        hooks.delete(amzTarget);
        await hook();
      }
      const forward = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(forward);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    before: (t, hook) => hooks.set(t, hook),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** For a suite (inside `describe.skipIf(!motoAvailable)`): moto, a state table on it, and a staging proxy in front. */
export function useStagedStateTable(): { readonly table: StateTable; readonly proxy: Interceptor } {
  const moto = useMoto();
  let table: StateTable | undefined;
  let proxy: Interceptor | undefined;
  beforeAll(async () => {
    table = await createStateTable(moto);
    proxy = await startInterceptor(moto.endpoint);
  });
  afterAll(async () => {
    table?.close();
    await proxy?.close();
  });
  return {
    get table() {
      if (!table) throw new Error('the staged state table is made in beforeAll');
      return table;
    },
    get proxy() {
      if (!proxy) throw new Error('the staging proxy is started in beforeAll');
      return proxy;
    },
  };
}
