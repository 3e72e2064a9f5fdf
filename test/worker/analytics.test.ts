/** A person's answer: the insights, or what to tell them when ChatDash fails, with the real client on the sandbox. */
import { describe, expect, it } from 'vitest';
import { createChatDashClient } from '../../src/chatdash/client.ts';
import { DIGEST_METRICS } from '../../src/insights/metrics.ts';
import { insightsForAsker } from '../../src/worker/analytics.ts';
import { period } from '../support/analytics-fixtures.ts';
import { useSandbox } from '../support/sandbox.ts';

const sandbox = useSandbox();
const project = { id: 'proj_demo_text', name: 'Acme <Support> Bot' };

function deps() {
  const chatdash = createChatDashClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxAttempts: 1 });
  return { chatdash, now: () => new Date(), chatdashBudgetMs: 5000 };
}

describe('insightsForAsker', () => {
  it('answers the insights of the period and the one before', async () => {
    const result = await insightsForAsker(deps(), project, period(), DIGEST_METRICS);
    expect(result.ok && result.insights.hasPrevious).toBe(true);
    expect(result.ok && result.insights.headline.conversations.value).toBeGreaterThan(0);
  });

  it('turns a ChatDash failure into the message for the person, the project name escaped', async () => {
    sandbox.setFault({ type: 'server_error', status: 503 });
    const result = await insightsForAsker(deps(), project, period(), DIGEST_METRICS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.userMessage).toContain('ChatDash isn\u2019t answering right now');
    expect(result.userMessage).toContain('*Acme &lt;Support&gt; Bot*');
  });

  it('counts its ChatDash budget in wall-clock time, whatever the job’s clock says (a simulated clock a year behind)', async () => {
    const yearBehind = { ...deps(), now: () => new Date(Date.now() - 365 * 24 * 3600 * 1000) };
    const result = await insightsForAsker(yearBehind, project, period(), DIGEST_METRICS);
    expect(result.ok).toBe(true);
  });

  it('throws what is not a ChatDash failure (the queue retries the job)', async () => {
    const broken = { ...deps(), chatdash: { queryAnalytics: () => Promise.reject(new TypeError('bug')) } };
    await expect(insightsForAsker(broken, project, period(), DIGEST_METRICS)).rejects.toThrow('bug');
  });
});
