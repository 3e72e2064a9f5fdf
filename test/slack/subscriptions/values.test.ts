/** What comes back through Slack, read with schemas: a subscription button's value, the modal's private_metadata. */
import { describe, expect, it } from 'vitest';
import { decodeButtonValue, decodeFormMetadata, encodeButtonValue, encodeFormMetadata } from '../../../src/slack/subscriptions/values.ts';

describe('button values', () => {
  it('round-trip, and anything else is not one', () => {
    expect(decodeButtonValue(encodeButtonValue({ s: 'runtime', id: 'sub_abcdefgh1234', v: 3 }))).toEqual({
      s: 'runtime',
      id: 'sub_abcdefgh1234',
      v: 3,
    });
    expect(decodeButtonValue(encodeButtonValue({ s: 'config', id: 'acme-weekly' }))).toEqual({ s: 'config', id: 'acme-weekly' });
    for (const bad of [
      '',
      'not json',
      '{"s":"runtime","id":"../etc"}',
      '{"s":"other","id":"acme"}',
      '{"s":"config","id":"acme","v":0}',
      `{"s":"config","id":"${'a'.repeat(400)}"}`,
    ]) {
      expect(decodeButtonValue(bad), bad.slice(0, 40)).toBeUndefined();
    }
  });
});

describe('form metadata', () => {
  it('round-trips; forged, malformed or oversized metadata is not ours', () => {
    const meta = {
      v: 1 as const,
      team: 'T0DEMO',
      channel: 'C0ACME',
      edit: { id: 'sub_abcdefgh1234', version: 2 },
      from: 'list' as const,
      responseUrl: 'https://hooks.slack.com/actions/1/2/3',
    };
    expect(decodeFormMetadata(encodeFormMetadata(meta))).toEqual(meta);
    expect(decodeFormMetadata(undefined)).toBeUndefined();
    expect(decodeFormMetadata('{"v":2}')).toBeUndefined();
    expect(decodeFormMetadata(encodeFormMetadata({ ...meta, channel: 'D0ALICE' }))).toBeUndefined();
    expect(decodeFormMetadata(`${encodeFormMetadata(meta)}${' '.repeat(3000)}`)).toBeUndefined();
  });
});
