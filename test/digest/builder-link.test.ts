/** The Block Kit Builder link the demo writes, so a person can see a message as Slack would show it. */
import { describe, expect, it } from 'vitest';
import { blockKitBuilderUrl } from '../../src/digest/builder-link.ts';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { PROJECT, period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';

describe('blockKitBuilderUrl', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const message = renderDigest(insights, { project: PROJECT });

  it('builds a Block Kit Builder URL with the blocks', () => {
    const url = blockKitBuilderUrl(message);
    expect(url.startsWith('https://app.slack.com/block-kit-builder/#')).toBe(true);
    const json = JSON.parse(decodeURIComponent(url.slice(url.indexOf('#') + 1))) as { blocks: unknown };
    expect(json).toEqual({ blocks: message.blocks });
  });
});
