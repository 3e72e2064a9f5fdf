/** An unusable currency code loses the symbol, not the amount: the cost is shown as a plain number, never "n/a". */
import { describe, expect, it } from 'vitest';
import { parseAnalytics } from '../../src/chatdash/schema.ts';
import { createFormatter } from '../../src/digest/format.ts';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { period, textBot } from '../support/analytics-fixtures.ts';

describe('currency codes ChatDash may send', () => {
  it.each([['XX1'], ['EURO'], ['euros'], ['€'], [''], [null], [42]])('%j: the amount is kept, the currency dropped', (code) => {
    const body = {
      totalCost: { counts: [1, 2.5], total: 3.5, currency: code },
      averageCost: { counts: [0.5], average: 0.5, currency: code },
    };
    const result = parseAnalytics(body, ['totalCost', 'averageCost']);
    expect(result?.unavailable).toEqual([]);
    expect(result?.data.totalCost).toEqual({ counts: [1, 2.5], total: 3.5, currency: null });
    expect(result?.data.averageCost).toEqual({ counts: [0.5], average: 0.5, currency: null });
  });

  it('a missing currency keeps the amount too; a good one is still upper-cased', () => {
    expect(parseAnalytics({ totalCost: { counts: [1], total: 1 } }, ['totalCost'])?.data.totalCost?.currency).toBeNull();
    expect(parseAnalytics({ totalCost: { counts: [1], total: 1, currency: 'eur' } }, ['totalCost'])?.data.totalCost?.currency).toBe('EUR');
  });

  it('the digest shows the cost as a plain number, not "n/a"', () => {
    const raw = { ...textBot().data, totalCost: { counts: [45.75], total: 45.75, currency: 'XX1' } };
    const current = parseAnalytics(raw, ['conversations', 'totalCost', 'averageCost'])!;
    const message = renderDigest(buildInsights({ current, period: period() }), { project: { id: 'p', name: 'Acme' }, locale: 'en-US' });
    const text = JSON.stringify(message);
    expect(text).toContain('45.75');
    expect(text).not.toContain('XX1');
    expect(text).not.toMatch(/Total cost\*\\n\s*n\/a|cost n\/a/);
  });

  it('the formatter never prints something that is not a three-letter code as a currency', () => {
    const fmt = createFormatter({ locale: 'en-US' });
    expect(fmt.money(12.25, 'XX1')).toBe('12.25');
    expect(fmt.money(12.25, '<!channel>')).toBe('12.25');
    expect(fmt.signedMoney(2, 'EURO')).toBe('+2');
    expect(fmt.money(12.5, 'EUR')).toBe('€12.50');
  });
});
