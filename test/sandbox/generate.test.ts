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

describe('one clock for every time-dependent behaviour', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  const hour = { start: Date.parse('2026-11-24T12:00:00Z'), end: Date.parse('2026-11-24T13:00:00Z') };
  const incident = {
    fromMs: hour.start,
    untilMs: hour.end,
    missRate: 0.8,
    conversationsFactor: 1,
    message: { id: 'i1', label: 'checkout?' },
  };
  const understood = (project: string, options: Parameters<typeof generateAnalytics>[4]) => {
    const data = generateAnalytics(
      findDemoProject(project)!,
      hour.start,
      hour.end,
      ['understoodMessages', 'topMisunderstoodMessages'],
      options,
    );
    const u = data.understoodMessages as { total: number; missed: number };
    return { missRate: u.missed / u.total, labels: (data.topMisunderstoodMessages as Missed).map((m) => m.label) };
  };

  it("an incident on a degrading project brings its miss rate to the incident's, not the slide's plus the incident's", () => {
    const sliding = understood('proj_demo_degrading', { nowMs: now });
    expect(sliding.missRate).toBeGreaterThan(0.6); // 20 days into the slide, on the same clock
    const both = understood('proj_demo_degrading', { nowMs: now, incident });
    expect(both.missRate).toBeGreaterThan(0.75);
    expect(both.missRate).toBeLessThan(0.87);
    expect(both.labels).toContain('checkout?');
  });

  it('an incident and the emerging message of the same project both show', () => {
    const data = generateAnalytics(acme, hour.start, hour.end, ['topMisunderstoodMessages'], { nowMs: now, incident });
    const labels = (data.topMisunderstoodMessages as Missed).map((m) => m.label);
    expect(labels).toContain('checkout?');
    expect(labels).toContain(LOYALTY);
  });
});
