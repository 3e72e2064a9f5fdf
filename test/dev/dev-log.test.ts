/** The terminal log of `npm run dev`: one short line per event, idle ticks only when verbose. */
import { describe, expect, it } from 'vitest';
import { createDevLog, formatLogLine } from '../../src/dev/dev-log.ts';

const at = new Date(2026, 10, 23, 9, 41, 7);

describe('dev log', () => {
  it('formats time, level, event and fields (quoted only when needed)', () => {
    expect(formatLogLine('info', 'job.done', { kind: 'stats', ms: 183, note: 'two words', list: ['a'], gone: undefined }, at)).toBe(
      '09:41:07 info  job.done kind=stats ms=183 note="two words" list=["a"]',
    );
  });

  it('hides debug lines and the tick that found nothing due unless verbose', () => {
    const lines: string[] = [];
    const quiet = createDevLog({ write: (l) => lines.push(l), now: () => at });
    quiet('debug', 'x.debug');
    quiet('info', 'schedule.tick', { due: 0 });
    quiet('info', 'schedule.tick', { due: 2 });
    expect(lines).toEqual(['09:41:07 info  schedule.tick due=2']);
    const loud = createDevLog({ write: (l) => lines.push(l), now: () => at, verbose: true });
    loud('debug', 'x.debug');
    loud('info', 'schedule.tick', { due: 0 });
    expect(lines).toHaveLength(3);
  });

  it('colours warnings and errors when asked', () => {
    const lines: string[] = [];
    createDevLog({ write: (l) => lines.push(l), now: () => at, colour: true })('error', 'job.failed');
    expect(lines[0]).toBe('\x1b[31m09:41:07 error job.failed\x1b[0m');
  });
});
