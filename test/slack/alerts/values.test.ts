/** What comes back from Slack to the alerts UI is read with schemas: anything else is not ours. */
import { describe, expect, it } from 'vitest';
import {
  decodeAlertButton,
  decodeAlertFormMetadata,
  decodeRecommend,
  encodeAlertButton,
  encodeAlertFormMetadata,
  encodeRecommend,
} from '../../../src/slack/alerts/values.ts';

/** An edit's metadata, from a list (with its response_url). */
const META = {
  v: 1 as const,
  team: 'T0DEMO',
  channel: 'C0ACME',
  edit: { id: 'al_1', version: 2 },
  from: 'list' as const,
  responseUrl: 'https://hooks.slack.com/x',
};

describe('alert UI values', () => {
  it('round-trips what we encode', () => {
    expect(decodeAlertButton(encodeAlertButton({ id: 'al_1', v: 3 }))).toEqual({ id: 'al_1', v: 3 });
    expect(decodeRecommend(encodeRecommend({ channel: 'C0ACME', project: 'acme' }))).toEqual({ channel: 'C0ACME', project: 'acme' });
    expect(decodeAlertFormMetadata(encodeAlertFormMetadata(META))).toEqual(META);
  });

  it.each([
    ['not json', 'nope'],
    ['a forged id', '{"id":"../../etc","v":1}'],
    ['a negative version', '{"id":"al_1","v":-1}'],
    ['a huge value', `{"id":"al_1","x":"${'x'.repeat(5000)}"}`],
  ])('refuses %s', (_what, text) => expect(decodeAlertButton(text)).toBeUndefined());

  it('refuses a recommend value for a DM or a bad project key, and metadata that is too long or of another shape', () => {
    expect(decodeRecommend('{"channel":"D0ALICE","project":"acme"}')).toBeUndefined();
    expect(decodeRecommend('{"channel":"C0ACME","project":"Acme!"}')).toBeUndefined();
    expect(decodeAlertFormMetadata('x'.repeat(3001))).toBeUndefined();
    expect(decodeAlertFormMetadata('{"v":2,"team":"T0DEMO","channel":"C0ACME","from":"command"}')).toBeUndefined();
    expect(decodeAlertFormMetadata(undefined)).toBeUndefined();
  });

  it('keeps typed values of hidden fields within Slack’s 3,000 characters: whole when they fit, cut when JSON swells them', () => {
    // The longest response_url the metadata accepts (500 characters).
    const base = { ...META, responseUrl: `https://hooks.slack.com/${'r'.repeat(476)}` };
    const longest = { item: '"'.repeat(500), model: '\\'.repeat(200), value: '"'.repeat(30) };
    const whole = encodeAlertFormMetadata({ ...base, kept: longest });
    expect(whole.length).toBeLessThanOrEqual(3000);
    expect(decodeAlertFormMetadata(whole)).toEqual({ ...base, kept: longest });
    const swollen = { item: '\u0001'.repeat(500), model: '\u0002'.repeat(200), value: '\u0003'.repeat(30) };
    const cut = encodeAlertFormMetadata({ ...base, kept: swollen });
    expect(cut.length).toBeLessThanOrEqual(3000);
    const read = decodeAlertFormMetadata(cut);
    expect(read).toMatchObject(base);
    expect((read?.kept?.item ?? '').length).toBeLessThan(500);
    // Nothing kept: no `kept` at all, as before any reshaping.
    expect(encodeAlertFormMetadata({ ...base, kept: { item: '' } })).toBe(JSON.stringify(base));
    // Forged kept values longer than their fields: not ours.
    expect(decodeAlertFormMetadata(JSON.stringify({ ...base, kept: { value: '1'.repeat(31) } }))).toBeUndefined();
  });
});
