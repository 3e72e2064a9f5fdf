/** Overview button values: what they carry survives the round trip, anything else is refused, and they fit Slack's 2,000 characters. */
import { describe, expect, it } from 'vitest';
import { decodeMask, decodeOverviewRef, encodeMask, encodeOverviewRef, projectsFingerprint } from '../../src/overview/ref.ts';
import { PERIOD } from '../support/overview.ts';

const keys = Array.from({ length: 1_000 }, (_, i) => `client-${i}`);

describe('overview references', () => {
  it('round-trip a project reference and a list reference', () => {
    const project = { v: 1, o: 'p', project: 'proj_demo_text', period: PERIOD, locale: 'en-GB', currencyDisplay: 'code' } as const;
    expect(decodeOverviewRef(encodeOverviewRef(project)!)).toEqual(project);
    const list = {
      v: 1,
      o: 'l',
      which: 'quiet',
      mask: encodeMask(keys, ['client-3']),
      fp: projectsFingerprint(keys),
      period: PERIOD,
    } as const;
    expect(decodeOverviewRef(encodeOverviewRef(list)!)).toEqual(list);
  });

  it('a list of 1,000 projects (every one chosen) still fits a button value', () => {
    const value = encodeOverviewRef({
      v: 1,
      o: 'l',
      which: 'more',
      mask: encodeMask(keys, keys),
      fp: projectsFingerprint(keys),
      period: PERIOD,
    });
    expect(value).toBeDefined();
    expect(value!.length).toBeLessThanOrEqual(2000);
  });

  it('refuses what is not ours', () => {
    for (const value of [
      '',
      'not json',
      '{"v":1,"o":"x"}',
      '{"v":2,"o":"p","project":"a"}',
      JSON.stringify({ v: 1, o: 'l', which: 'all', mask: '', fp: '', period: PERIOD }),
      JSON.stringify({ v: 1, o: 'l', which: 'more', mask: 'not base64url!', fp: '', period: PERIOD }),
      'x'.repeat(2001),
    ]) {
      expect(decodeOverviewRef(value), value.slice(0, 40)).toBeUndefined();
    }
  });

  it('masks select projects by position, and ignore bits past the end', () => {
    const few = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const mask = encodeMask(few, ['i', 'b', 'unknown']);
    expect(decodeMask(few, mask)).toEqual(['b', 'i']);
    expect(decodeMask(few.slice(0, 3), mask)).toEqual(['b']);
    expect(decodeMask(few, '')).toEqual([]);
  });

  it('the fingerprint changes when the projects (or their order) change', () => {
    expect(projectsFingerprint(['a', 'b'])).toBe(projectsFingerprint(['a', 'b']));
    expect(projectsFingerprint(['a', 'b'])).not.toBe(projectsFingerprint(['b', 'a']));
    expect(projectsFingerprint(['a', 'b'])).not.toBe(projectsFingerprint(['a', 'b', 'c']));
  });
});
