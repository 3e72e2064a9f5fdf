/** A bounded wait for Slack calls on the ack path. */
import { describe, expect, it } from 'vitest';
import { TimeLimitError, withinMs } from '../../src/slack/time-limit.ts';

describe('withinMs', () => {
  it('passes a prompt outcome through, success or failure', async () => {
    expect(await withinMs(Promise.resolve(42), 50, 'x')).toBe(42);
    await expect(withinMs(Promise.reject(new Error('no')), 50, 'x')).rejects.toThrow('no');
  });

  it('gives up on a call that never answers, naming it', async () => {
    await expect(withinMs(new Promise(() => {}), 10, 'views.open')).rejects.toThrow(TimeLimitError);
    await expect(withinMs(new Promise(() => {}), 10, 'views.open')).rejects.toThrow('views.open took more than 10 ms');
  });
});
