/** The App Home as Block Kit: within 100 blocks whatever its sections hold, rows never cut in half, counted when left out. */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { section } from '../../../src/digest/blocks.ts';
import { type HomeSection, homeView } from '../../../src/slack/home/view.ts';
import { validateView } from '../../../src/slack-double/validate.ts';
import { viewButtons } from '../../support/modal.ts';
import { allText } from '../../support/slack-messages.ts';

const rows = (n: number, size = 2): KnownBlock[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: size }, () => section(`row ${i}`)));
const part = (id: string, n: number, extra: Partial<HomeSection> = {}): HomeSection => ({
  id,
  title: id,
  rows: rows(n),
  empty: `no ${id}`,
  ...extra,
});

describe('homeView', () => {
  it('small sections are shown whole, with the notice and footer', () => {
    const view = homeView([part('mine', 2), part('all', 0)], { notice: 'Paused.', footer: 'Footer' });
    expect(validateView(view, 'home')).toEqual({ ok: true });
    const text = allText(view as unknown as Record<string, unknown>);
    for (const piece of ['Paused.', 'row 0', 'row 1', 'no all', 'Footer']) expect(text).toContain(piece);
  });

  it('three big sections share the 100 blocks; each left-out row is counted; pages carry their section and cursor', () => {
    const view = homeView([part('mine', 60, { next: 'cur-1' }), part('all', 60), part('bindings', 60, { hidden: 5 })], { footer: 'f' });
    expect(validateView(view, 'home')).toEqual({ ok: true });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = allText(view as unknown as Record<string, unknown>);
    // Every section got its heading and some rows.
    for (const id of ['mine', 'all', 'bindings']) expect(text).toContain(id);
    const counts = [...text.matchAll(/\u2026 and (\d+) more/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(3);
    const shownRows = (text.match(/row \d+/g) ?? []).length / 2;
    expect(counts.reduce((a, b) => a + b, 0) + shownRows).toBe(185);
    const [next] = viewButtons(view as unknown as Record<string, unknown>).filter((b) => b.action_id === 'home:more');
    expect(JSON.parse(next!.value)).toEqual({ section: 'mine', cursor: 'cur-1' });
  });

  it('rows cut for room: "Next page" starts right after the last one shown when the section says where', () => {
    const after = Array.from({ length: 60 }, (_, i) => `after-${i}`);
    const view = homeView([part('mine', 60, { next: 'after-59', after, hidden: 3 }), part('all', 60)], { footer: 'f' });
    expect(validateView(view, 'home')).toEqual({ ok: true });
    const text = allText(view as unknown as Record<string, unknown>);
    const shown = new Set(text.match(/row \d+/g)).size;
    const [next] = viewButtons(view as unknown as Record<string, unknown>).filter((b) => b.action_id === 'home:more');
    expect(JSON.parse(next!.value)).toEqual({ section: 'mine', cursor: `after-${shown - 1}` });
    expect(text).toContain(`\u2026 and ${60 - shown + 3} more`);
  });

  it('a section with no rows on this page but a next one shows its "Next page", not its "none" line', () => {
    const view = homeView([part('all', 0, { next: 'cur-2', intro: 'Stopped early.' })]);
    expect(validateView(view, 'home')).toEqual({ ok: true });
    const text = allText(view as unknown as Record<string, unknown>);
    expect(text).toContain('Stopped early.');
    expect(text).not.toContain('no all');
    const [next] = viewButtons(view as unknown as Record<string, unknown>).filter((b) => b.action_id === 'home:more');
    expect(JSON.parse(next!.value)).toEqual({ section: 'all', cursor: 'cur-2' });
  });
});
