/** renderForTerminal: a digest as the demo and `npm run digest` print it. */
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { renderForTerminal } from '../../src/digest/terminal.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { PROJECT, period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';

describe('renderForTerminal', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const message = renderDigest(insights, { project: PROJECT });

  it('renders a readable terminal view with the numbers', () => {
    const out = renderForTerminal(message);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Acme Shop');
    expect(lines[1]).toMatch(/^═+$/);
    expect(out).toContain('915  ▲ 22% (+165)');
    expect(out).toMatch(/Conversations\s{3,}Unique users/); // two columns
    expect(out).toContain('Returns & refunds'); // entities decoded
    expect(out).toContain('[ Topics ] [ Misunderstood ] [ Intents ] [ Costs ] [ Countries ]');
    expect(out).not.toMatch(/\*[A-Z][^*\n]*\*/); // bold markers gone
  });
});
