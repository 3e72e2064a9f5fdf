/**
 * A loopback pass-through in front of moto that counts the AWS API calls made through it (by `X-Amz-Target`, or
 * `Action` for query-protocol calls), so tests can see how many requests a client made, and keeps each request's
 * body (what it asked for: tables, keys).
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  endpoint: string;
  /** The API action of every request, in order (`AmazonSQS.SendMessageBatch`, `secretsmanager.GetSecretValue`…). */
  targets: string[];
  /** Every request's target and body text, in order. */
  requests: Array<{ target: string; body: string }>;
  close(): Promise<void>;
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream);
  const targets: string[] = [];
  const requests: CountingProxy['requests'] = [];
  const server = createServer((req, res) => {
    const amzTarget = req.headers['x-amz-target'];
    const name = typeof amzTarget === 'string' ? amzTarget : `${req.method ?? ''} ${req.url ?? ''}`;
    targets.push(name);
    const recorded = { target: name, body: '' };
    requests.push(recorded);
    req.on('data', (chunk: Buffer) => {
      recorded.body += chunk.toString('utf8');
    });
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    targets,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
