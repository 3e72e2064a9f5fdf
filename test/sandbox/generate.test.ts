/** The sandbox's emerging misunderstood message: new in recent periods relative to its clock, absent before. */
import { describe, expect, it } from 'vitest';
import { parseAnalytics } from '../../src/chatdash/schema.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { DIGEST_METRICS } from '../../src/insights/metrics.ts';
import { parsePeriod } from '../../src/periods/parse.ts';
import { findDemoProject } from '../../src/sandbox/demo-projects.ts';
import { DAY_MS, generateAnalytics } from '../../src/sandbox/generate.ts';

const acme = findDemoProject('proj_demo_text')!;
const LOYALTY = 'how do I use my loyalty points?';

type Missed = Array<{ label: string; count: number }>;
const missed = (startMs: number, endMs: number, nowMs?: number): Missed =>
  generateAnalytics(acme, startMs, endMs, ['topMisunderstoodMessages'], { nowMs }).topMisunderstoodMessages as Missed;

describe('emerging misunderstood messages', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  const today = Math.floor(now / DAY_MS) * DAY_MS;

  it('count from six whole UTC days before the clock, and not before', () => {
    expect(missed(today - 7 * DAY_MS, today, now).find((m) => m.label === LOYALTY)?.count).toBeGreaterThan(100);
    expect(missed(today - 14 * DAY_MS, today - 7 * DAY_MS, now).some((m) => m.label === LOYALTY)).toBe(false);
    // The same range asked twice the same day gives the same answer; without a clock there is no emerging message.
    expect(missed(today - 7 * DAY_MS, today, now + 3_600_000)).toEqual(missed(today - 7 * DAY_MS, today, now));
    expect(missed(today - 7 * DAY_MS, today).some((m) => m.label === LOYALTY)).toBe(false);
  });

  it('stay sorted with the rest of the list', () => {
    const counts = missed(today - 7 * DAY_MS, today, now).map((m) => m.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('make the demo digest of the last 7 days report a new misunderstood message, whatever the day', () => {
    for (let day = 0; day < 14; day += 1) {
      const clock = now + day * DAY_MS;
      const parsed = parsePeriod('7d', { now: new Date(clock), timeZone: 'Europe/Paris' });
      if (!parsed.ok) throw new Error(parsed.error);
      const p = parsed.period;
      const fetch = (start: string, end: string) => {
        const answer = parseAnalytics(
          generateAnalytics(acme, Date.parse(start), Date.parse(end), DIGEST_METRICS, { nowMs: clock }),
          DIGEST_METRICS,
        );
        if (!answer) throw new Error('the sandbox answered something unparseable');
        return answer;
      };
      const insights = buildInsights({ current: fetch(p.start, p.end), previous: fetch(p.previous.start, p.previous.end), period: p });
      const gap = insights.highlights.find((h) => h.kind === 'new_misunderstood');
      expect(gap, new Date(clock).toISOString()).toMatchObject({ label: LOYALTY, previousCount: null, previousAtMost: 0 });
      // And no topic noise: nothing is "new in top topics" in the demo's steady topic mix.
      expect(insights.highlights.some((h) => h.kind === 'new_topic')).toBe(false);
    }
  });
});
