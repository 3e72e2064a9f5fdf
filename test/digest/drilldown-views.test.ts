import { describe, expect, it } from 'vitest';
import { parseDrilldownWord } from '../../src/digest/drilldown-views.ts';

describe('parseDrilldownWord', () => {
  it.each([
    ['<@U0BOT> show me costs please', 'costs'],
    ['<@U0BOT> TOPICS', 'topics'],
    ['what were the top topic this week?', 'topics'],
    ['<@U0BOT> how many tokens did we burn', 'costs'],
    ['misunderstood messages', 'misunderstood'],
    ['what did it miss? show the missed ones', 'misunderstood'],
    ['<@U0BOT> countries', 'countries'],
    ['which country do people come from', 'countries'],
    ['<@U0BOT> ended reasons', 'ended_reasons'],
    ['Why calls ended?', 'ended_reasons'],
    ['why did calls end so early', 'ended_reasons'],
    ['show misunderstood topics', 'misunderstood'],
    ['<@U0BOT> intents', 'intents'],
    ['which intent matched most?', 'intents'],
  ] as const)('%s → %s', (text, view) => {
    expect(parseDrilldownWord(text)).toBe(view);
  });

  it('ignores words inside mentions and unrelated text', () => {
    expect(parseDrilldownWord('<@UCOSTS> hello')).toBeUndefined();
    expect(parseDrilldownWord('<@U0BOT> hi there')).toBeUndefined();
    expect(parseDrilldownWord('costly mistakes')).toBeUndefined();
    expect(parseDrilldownWord('intentionally blank')).toBeUndefined();
    expect(parseDrilldownWord('')).toBeUndefined();
  });
});
