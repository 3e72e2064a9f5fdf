/** The pause notices' words (pure): they name the alert as people see it, stay escaped and bounded whatever the names. */
import { describe, expect, it } from 'vitest';
import { channelPauseNotice, removedProjectNotice } from '../../src/worker/alert-pause.ts';
import { makeAlert } from '../support/alert-input.ts';
import { hostileTexts } from '../support/hostile-text.ts';

const NOW = new Date('2026-11-17T09:00:00Z');

describe('pause notices', () => {
  it('name the alert by its name, or by what it watches', () => {
    const plain = makeAlert({}, { id: 'a1', now: NOW }).definition;
    expect(channelPauseNotice(plain, 'Maya Shop Assistant', 'channel_archived', '<#C0SHOP> is archived, so I can’t post there.')).toBe(
      ':double_vertical_bar: The alert *Understood rate unusually low · checked hourly* on *Maya Shop Assistant* in <#C0SHOP> is paused: the channel was archived. <#C0SHOP> is archived, so I can’t post there. It stays paused until its owner or an admin resumes it: *Resume* in `/chatdash alerts` there, or on my Home tab.',
    );
    const named = makeAlert({ name: 'Checkout <quality> & co' }, { id: 'a2', now: NOW }).definition;
    expect(channelPauseNotice(named, 'P', 'bot_removed', '')).toContain('The alert *“Checkout &lt;quality&gt; &amp; co”* on *P*');
  });

  it('escape hostile alert and project names, and name at most 10 channels', () => {
    for (const { name, text } of hostileTexts('alert-pause', 20)) {
      const alert = makeAlert({ name: text.trim().slice(0, 80) || 'x' }, { id: 'h', now: NOW }).definition;
      const notice = channelPauseNotice(alert, text, 'channel_unbound', '');
      expect(notice.replace(/<#C0SHOP>/g, ''), name).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(notice.length, name).toBeLessThan(1_000);
    }
    const many = Array.from({ length: 25 }, (_, i) => makeAlert({ channelId: `C0CH${i}` }, { id: `m${i}`, now: NOW }));
    const text = removedProjectNotice('gone', many);
    expect(text).toMatch(/^25 alerts on project `gone` \(in <#C0CH0>, .*, <#C0CH9> and 15 more\) are paused/);
    expect(text.match(/<#/g)).toHaveLength(10);
  });
});
