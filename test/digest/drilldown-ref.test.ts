import { describe, expect, it } from 'vitest';
import { type DrilldownRef, decodeDrilldownRef, encodeDrilldownRef } from '../../src/digest/drilldown-ref.ts';
import { DRILLDOWN_VIEWS, drilldownActionId, viewOfActionId } from '../../src/digest/drilldown-views.ts';
import { period } from '../support/analytics-fixtures.ts';

const ref = (over: Partial<DrilldownRef> = {}): DrilldownRef => ({ v: 1, project: 'proj_123', view: 'topics', period: period(), ...over });

describe('DrilldownRef', () => {
  it('round-trips every view', () => {
    for (const view of DRILLDOWN_VIEWS) {
      const value = encodeDrilldownRef(ref({ view }));
      expect(value.length).toBeLessThanOrEqual(2000);
      expect(decodeDrilldownRef(value)).toEqual(ref({ view }));
    }
  });

  it('drops extra fields a caller’s period may carry', () => {
    const p = { ...period(), extra: 'x'.repeat(5000) } as ReturnType<typeof period>;
    const value = encodeDrilldownRef(ref({ period: p }));
    expect(value).not.toContain('extra');
    expect(decodeDrilldownRef(value)?.period).toEqual(period());
  });

  it('shortens an over-long label to fit 2000 chars', () => {
    const value = encodeDrilldownRef(ref({ period: period({ label: '"\u0001'.repeat(3000) }) }));
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeDrilldownRef(value)).toBeDefined();
  });

  it('throws when it cannot fit at all', () => {
    expect(() => encodeDrilldownRef(ref({ project: 'p'.repeat(2500) }))).toThrow(RangeError);
  });

  it('rejects anything that is not a valid reference', () => {
    const good = JSON.parse(encodeDrilldownRef(ref())) as Record<string, unknown>;
    for (const bad of [
      '',
      'not json',
      'null',
      '[]',
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, view: 'secrets' }),
      JSON.stringify({ ...good, project: '' }),
      JSON.stringify({ ...good, period: { ...period(), start: 'yesterday' } }),
      JSON.stringify({ ...good, period: { ...period(), days: -1 } }),
      `${JSON.stringify(good)}${' '.repeat(2000)}`,
    ]) {
      expect(decodeDrilldownRef(bad)).toBeUndefined();
    }
  });

  it('names actions drilldown:<view> and reads them back', () => {
    for (const view of DRILLDOWN_VIEWS) expect(viewOfActionId(drilldownActionId(view))).toBe(view);
    expect(viewOfActionId('drilldown:nope')).toBeUndefined();
    expect(viewOfActionId('other:topics')).toBeUndefined();
  });
});
