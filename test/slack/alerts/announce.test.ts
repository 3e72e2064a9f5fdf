/** What the channel and the person are told of a change to an alert. */
import { describe, expect, it } from 'vitest';
import { alertAnnouncement, alertConfirmation, recommendedAnnouncement } from '../../../src/slack/alerts/announce.ts';
import { storedAlert } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';

describe('alertAnnouncement', () => {
  const { definition } = storedAlert({ name: 'Quality' });

  it.each([
    ['created', ':rotating_light: <@U0BOB> set up an alert here: *Quality*: Understood rate below 80'],
    ['updated', ':pencil2: <@U0BOB> changed an alert of this channel: now *Quality*'],
    ['paused', ':double_vertical_bar: <@U0BOB> paused an alert of this channel'],
    ['resumed', ':arrow_forward: <@U0BOB> resumed an alert'],
    ['unmuted', ':bell: <@U0BOB> unmuted an alert'],
    ['deleted', ':wastebasket: <@U0BOB> deleted an alert of this channel'],
  ] as const)('%s: names who did what', (change, start) => {
    const text = alertAnnouncement(change, definition, 'U0BOB', demoConfig);
    expect(text.startsWith(start)).toBe(true);
    expect(text).toContain('*Acme Support Bot*');
  });

  it('muted: until when, in the alert’s time zone', () => {
    const muted = { ...definition, mutedUntil: '2026-11-26T10:00:00.000Z' };
    expect(alertAnnouncement('muted', muted, 'U0BOB', demoConfig)).toContain('muted an alert of this channel until Thu, Nov 26, 11:00');
  });

  it('the confirmation, and the recommended alerts added', () => {
    expect(alertConfirmation('deleted', definition, demoConfig)).toMatch(/^:white_check_mark: Deleted: \*Quality\*.* in <#C0ACME>\.$/);
    const text = recommendedAnnouncement([definition, definition], 'acme', 'U0BOB', demoConfig);
    expect(text).toContain('<@U0BOB> added 2 recommended alerts for *Acme Support Bot* here:');
    expect(text.split('\n')).toHaveLength(3);
  });
});
