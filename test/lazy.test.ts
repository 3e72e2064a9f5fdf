import { describe, expect, it } from 'vitest';
import { lazy } from '../src/lazy.ts';

describe('lazy', () => {
  it('makes the value once and shares it, concurrent callers included', async () => {
    let made = 0;
    const get = lazy(async () => ++made);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(made).toBe(1);
  });

  it('does not keep a failure: the next call tries again', async () => {
    let attempts = 0;
    const get = lazy(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('outage');
      return 'ok';
    });
    await expect(get()).rejects.toThrow('outage');
    expect(await get()).toBe('ok');
    expect(attempts).toBe(2);
  });
});
