/** Typed text put back into a modal field: no broken character, cut between characters, within the field's limit. */
import { describe, expect, it } from 'vitest';
import { timeZoneInput, typedValue } from '../../src/slack/modal-inputs.ts';

describe('typedValue', () => {
  it('keeps what fits as it was', () => {
    expect(typedValue('Refunds & <returns>', 80)).toBe('Refunds & <returns>');
  });

  it('replaces a lone surrogate (only a forged state has one) and never cuts inside an emoji', () => {
    expect(typedValue('ab\uD83D', 10)).toBe('ab\uFFFD');
    expect(typedValue('\uDE00ab', 10)).toBe('\uFFFDab');
    const cut = typedValue('👩‍👩‍👧'.repeat(10), 13);
    expect(cut.length).toBeLessThanOrEqual(13);
    expect(cut).toMatch(/^(👩‍👩‍👧)*…$/u);
  });

  it('the time zone field puts back what was typed the same way', () => {
    expect(timeZoneInput('tz', `${'x'.repeat(63)}\uD83D\uDE00`).element).toMatchObject({ initial_value: `${'x'.repeat(63)}…` });
  });
});
