/** Spreading a tick's digests per channel, a second apart. */
import { describe, expect, it } from 'vitest';
import { spreadByChannel } from '../../src/schedule/spread.ts';

describe('spreadByChannel', () => {
  it('delays the k-th digest of a channel by k seconds, channels independently, in input order', () => {
    const channels = ['A', 'B', 'A', 'A', 'C', 'B'];
    expect(spreadByChannel(channels, (c) => c)).toEqual([0, 0, 1, 2, 0, 1]);
    expect(spreadByChannel(channels, (c) => c, 2)).toEqual([0, 0, 2, 4, 0, 2]);
  });

  it('never asks SQS for more than 900 s', () => {
    const delays = spreadByChannel(
      Array.from({ length: 1000 }, () => 'A'),
      (c) => c,
    );
    expect(delays[899]).toBe(899);
    expect(Math.max(...delays)).toBe(900);
  });
});
