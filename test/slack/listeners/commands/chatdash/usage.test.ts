import { describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../../../../../src/slack/listeners/commands/chatdash/registry.ts';
import { helpMessage, synopsis } from '../../../../../src/slack/listeners/commands/chatdash/usage.ts';

describe('helpMessage', () => {
  it('lists every usage line, then the ranges and the thread help', () => {
    const message = helpMessage(SUBCOMMANDS);
    expect(message.blocks).toHaveLength(2);
    expect(JSON.stringify(message.blocks?.[0])).toContain('\u2022 `/chatdash stats [project] [range]`: conversations');
    expect(JSON.stringify(message.blocks?.[1])).toContain('Ranges: `today`');
    expect(JSON.stringify(message.blocks?.[1])).toContain('In a digest\u2019s thread');
  });

  it('leads with what went wrong, and its fallback text drops the markup', () => {
    const message = helpMessage(SUBCOMMANDS, 'I didn\u2019t understand *that* `x`.');
    expect(message.blocks?.[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'I didn\u2019t understand *that* `x`.' } });
    expect(message.text).toBe('I didn\u2019t understand that x. Try /chatdash help.');
  });
});

describe('synopsis', () => {
  it('is the usage line\u2019s leading code span, or the bare command', () => {
    expect(SUBCOMMANDS.map(synopsis)).toEqual([
      '/chatdash stats [project] [range]',
      '/chatdash overview [range]',
      '/chatdash projects',
      '/chatdash subscribe [project]',
      '/chatdash subscriptions',
      '/chatdash alert [project]',
      '/chatdash alerts',
      '/chatdash connect <project>',
      '/chatdash disconnect [project]',
      '/chatdash help',
    ]);
    expect(synopsis({ name: 'odd', usage: 'no code span', run: async () => undefined })).toBe('/chatdash odd');
  });
});
