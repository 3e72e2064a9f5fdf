/** What the channel is told when someone changes what it gets, and what that person is told. */
import { describe, expect, it } from 'vitest';
import { announcement, bindingAnnouncement, confirmation } from '../../../src/slack/subscriptions/announce.ts';
import { demoConfig } from '../../support/config.ts';

const settings = {
  project: 'acme',
  channel: 'C0ACME',
  schedule: '0 9 * * MON',
  timeZone: 'Europe/Paris',
  period: 'last week',
  nextRunAt: '2026-11-30T08:00:00.000Z',
};

describe('announcements', () => {
  it('say who did what, the schedule in words and when the next post comes', () => {
    expect(announcement('created', settings, 'U0ALICE', demoConfig)).toBe(
      ':bell: <@U0ALICE> subscribed this channel to the *Acme Support Bot* digest: Mondays at 09:00 Europe/Paris, covering last week. The first one comes Mon, Nov 30, 09:00 (Europe/Paris).',
    );
    expect(announcement('updated', settings, 'U0ADMIN', demoConfig)).toContain(
      '<@U0ADMIN> changed this channel\u2019s subscription to the *Acme Support Bot* digest: now Mondays',
    );
    expect(announcement('paused', settings, 'U0ALICE', demoConfig)).toContain('`/chatdash subscriptions` can resume it');
    expect(announcement('resumed', settings, 'U0ALICE', demoConfig)).toContain('Next: Mon, Nov 30, 09:00');
    expect(announcement('deleted', settings, 'U0ALICE', demoConfig)).toBe(
      ':wastebasket: <@U0ALICE> deleted this channel\u2019s subscription to the *Acme Support Bot* digest.',
    );
    expect(announcement('created', { ...settings, project: undefined, projects: 'all' as const }, 'U0ALICE', demoConfig)).toContain(
      'the *agency overview* of every project in its channel',
    );
  });

  it('a period typed with mrkdwn is escaped', () => {
    expect(announcement('created', { ...settings, period: '<!here> last week' }, 'U0ALICE', demoConfig)).toContain(
      '&lt;!here&gt; last week',
    );
  });

  it('confirm to the person; bindings are announced with what now works', () => {
    expect(confirmation('paused', settings, demoConfig)).toBe(':white_check_mark: Paused: the *Acme Support Bot* digest in <#C0ACME>.');
    expect(bindingAnnouncement('connected', 'bella', 'U0ADMIN', demoConfig)).toContain('`/chatdash stats bella` works here now');
    expect(bindingAnnouncement('disconnected', 'bella', 'U0ADMIN', demoConfig)).toContain(
      'disconnected this channel from *Bella Pizza Phone Line*',
    );
  });
});
