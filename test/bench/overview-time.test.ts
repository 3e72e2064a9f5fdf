/** The overview benchmark measures what it says: every project answered, two ChatDash requests each, and a report line. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyConfig, agencyProjectKey } from '../../src/bench/overview-config.ts';
import { measureOverviewTime } from '../../src/bench/overview-time.ts';
import { formatOverview, overviewCheck } from '../../src/bench/report.ts';
import { createLog } from '../../src/log.ts';
import { syntheticProjects } from '../../src/sandbox/synthetic.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';

let slack: SlackDouble;
beforeAll(async () => {
  slack = await startSlackDouble();
});
afterAll(async () => {
  await slack?.close();
});

describe('the overview benchmark', () => {
  it('runs overviews of N projects through the worker\u2019s code and counts their ChatDash requests', async () => {
    const result = await measureOverviewTime({ projects: 12, runs: 2, slack, log: createLog({ quiet: true }), latencyMs: 20 });
    expect(result).toMatchObject({ projects: 12, runs: 2, requestsPerRun: 24, maxLoading: 0, allDelivered: true, latencyMs: 20 });
    expect(overviewCheck(result).pass).toBe(true);
    expect(formatOverview(result)).toMatch(
      /^Agency overview .*12 projects, 6 at once, 20 ms added to each ChatDash request, median of 2: [\d.]+ ms .*\n {2}24 ChatDash requests per overview; 0 projects still loading at worst \(budget 20 s\)$/,
    );
  });

  it('its agency configuration binds every synthetic project to the agency channel', () => {
    const projects = syntheticProjects(100);
    const config = agencyConfig(projects);
    expect(config.projects.map((p) => p.key)).toEqual(projects.map((p) => agencyProjectKey(p.id)));
    expect(config.channels).toEqual([{ channel: 'C0AGENCY', projects: config.projects.map((p) => p.key) }]);
  });
});
