/** The bench's verdict on what reading the secret from Secrets Manager adds to the HTTP function's cold start. */
import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../../src/bench/cold-start.ts';
import { coldStartChecks, formatColdStarts, formatReport, MAX_SECRET_READ_MS, withSecretRead } from '../../src/bench/report.ts';

const result = (name: VariantResult['name'], firstMs: number, label?: string): VariantResult => ({
  name,
  ...(label ? { label } : {}),
  bytes: 150_000,
  samples: [],
  median: { bootMs: 30, loadMs: firstMs / 2, firstMs, warmMs: 1, processMs: firstMs + 40, slackCalls: 0 },
});

describe('the secret read check', () => {
  it('compares http with and without the secret read, against the target', () => {
    const within = coldStartChecks([result('http', 40), result('http', 40 + MAX_SECRET_READ_MS, withSecretRead('http'))]);
    expect(within.find((c) => c.name.includes('secret read'))).toMatchObject({ pass: true, value: expect.stringContaining('25.0 ms') });
    const over = coldStartChecks([result('http', 40), result('http', 41 + MAX_SECRET_READ_MS, withSecretRead('http'))]);
    expect(over.find((c) => c.name.includes('secret read'))?.pass).toBe(false);
  });

  it('is left out when the secret read was not measured (no moto_server), and the table shows both rows otherwise', () => {
    expect(coldStartChecks([result('http', 40)]).some((c) => c.name.includes('secret read'))).toBe(false);
    const table = formatColdStarts([result('http', 40), result('http', 60, withSecretRead('http'))], 3);
    expect(table).toMatch(/^http\s/m);
    expect(table).toMatch(/^http \+ secret read\s/m);
  });

  it('prints moto_server\u2019s own round trip, so the read\u2019s cost can be told from the stand-in\u2019s latency', () => {
    const base = { runs: 3, node: '22', platform: 'linux-x64', cpus: 2, coldStarts: [result('http', 40)], checks: [] };
    expect(formatReport({ ...base, secretsRoundTripMs: 12.4 })).toContain('round trip, warm client, median: 12.4 ms');
    expect(formatReport(base)).not.toContain('round trip');
  });
});
