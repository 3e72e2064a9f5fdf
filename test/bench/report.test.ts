import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../../src/bench/cold-start.ts';
import { coldStartChecks, formatChecks } from '../../src/bench/report.ts';

const variant = (name: VariantResult['name'], firstMs: number, bytes = 100_000): VariantResult => ({
  name,
  bytes,
  samples: [],
  median: { bootMs: 30, loadMs: firstMs / 2, firstMs, warmMs: 1, processMs: firstMs + 40, slackCalls: 0 },
});

describe('cold-start checks', () => {
  it('passes within 3× slim Bolt, under naive Bolt and under 300 KB', () => {
    const checks = coldStartChecks([variant('http', 60, 150_000), variant('slim-bolt', 20), variant('naive-bolt', 110)]);
    expect(checks.map((c) => [c.name, c.pass])).toEqual([
      ['http load+first ack vs slim Bolt', true],
      ['http load+first ack vs naive Bolt', true],
      ['http bundle size', true],
    ]);
    expect(formatChecks(checks)).toContain('3.00×');
  });

  it('fails each target it misses', () => {
    const checks = coldStartChecks([variant('http', 61, 300_001), variant('slim-bolt', 20), variant('naive-bolt', 60)]);
    expect(checks.every((c) => !c.pass)).toBe(true);
    expect(formatChecks(checks)).toContain('FAIL');
  });
});
