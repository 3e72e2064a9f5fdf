/** Subscriptions in words for operators (pure): what, where, when; never just an id nobody sees in Slack. */
import { describe, expect, it } from 'vitest';
import { instantInWords, subscriptionInWords } from '../../src/subscriptions/describe.ts';
import type { Subscription } from '../../src/subscriptions/model.ts';
import { demoConfig as config } from '../support/config.ts';

const base: Subscription = {
  source: 'runtime',
  id: 'sub_abc',
  project: 'acme',
  channel: 'C0ACME',
  schedule: '0 9 * * MON',
  timeZone: 'Europe/Paris',
  period: 'last week',
};

describe('subscriptionInWords', () => {
  it('a project digest, an overview of all or of a few projects (the rest counted), a YAML one by its name too', () => {
    expect(subscriptionInWords(base, config)).toBe('the *Acme Support Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris');
    const { project: _p, ...noProject } = base;
    expect(subscriptionInWords({ ...noProject, projects: 'all', channel: 'C0AGENCY' }, config)).toBe(
      'the *agency overview* for <#C0AGENCY>, Mondays at 09:00 Europe/Paris',
    );
    expect(subscriptionInWords({ ...noProject, projects: ['acme', 'bella', 'quiet', 'cara', 'gone'], channel: 'C0AGENCY' }, config)).toBe(
      'the *agency overview* of Acme Support Bot, Bella Pizza Phone Line, Quiet Bot and 2 more for <#C0AGENCY>, Mondays at 09:00 Europe/Paris',
    );
    expect(subscriptionInWords({ ...base, source: 'config', id: 'acme-weekly', schedule: '*/5 * * * *' }, config)).toBe(
      'the *Acme Support Bot* digest for <#C0ACME>, cron */5 * * * * (Europe/Paris) (`acme-weekly` in the configuration)',
    );
  });

  it('escapes project names and names an unknown project by its key', () => {
    const hostile = { ...config, projects: [{ key: 'x', id: 'p', name: 'A <b> & *c*' }] };
    expect(subscriptionInWords({ ...base, project: 'x' }, hostile)).toContain('the *A &lt;b&gt; &amp;');
    expect(subscriptionInWords({ ...base, project: 'removed' }, config)).toContain('the *removed* digest');
  });
});

describe('instantInWords', () => {
  it('reads an instant in a time zone, and falls back on what it can', () => {
    expect(instantInWords('2026-11-23T08:00:00.000Z', 'Europe/Paris')).toBe('Mon, Nov 23, 09:00 Europe/Paris');
    expect(instantInWords('2026-11-23T08:00:00.000Z', 'Not/AZone')).toBe('Mon, Nov 23, 08:00 UTC');
    expect(instantInWords('2026-11-23T08:00:00.000Z', 'UTC')).toBe('Mon, Nov 23, 08:00 UTC');
    expect(instantInWords('<not a date>', 'UTC')).toBe('&lt;not a date&gt;');
  });
});
