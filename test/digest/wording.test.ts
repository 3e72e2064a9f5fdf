import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/digest/format.ts';
import { formatChange } from '../../src/digest/wording.ts';

describe('understood-rate changes too small to show', () => {
  it('reads "= same" rather than "▼ 0 pts"', () => {
    const fmt = createFormatter({ locale: 'en-US' });
    expect(formatChange('understoodRate', { kind: 'delta', absolute: -0.04, percent: null }, fmt, null)).toBe('= same');
    expect(formatChange('understoodRate', { kind: 'delta', absolute: -0.4, percent: null }, fmt, null)).toBe('▼ 0.4 pts');
  });
});
