/** Test helpers: every Slack limit checked structurally, and every text of a message collected. */
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import type { SlackMessage } from '../../src/digest/blocks.ts';
import { SLACK_LIMITS } from '../../src/digest/limits.ts';

interface TextObj {
  type: string;
  text: string;
}

/** All text strings of a message, with where they came from. */
export function allTexts(message: SlackMessage): { where: string; type: string; text: string }[] {
  const out: { where: string; type: string; text: string }[] = [{ where: 'text', type: 'mrkdwn', text: message.text }];
  message.blocks.forEach((b, i) => {
    const push = (where: string, t: TextObj | undefined): void => {
      if (t) out.push({ where: `${i}:${b.type}:${where}`, type: t.type, text: t.text });
    };
    switch (b.type) {
      case 'header':
        push('text', b.text);
        break;
      case 'section':
        push('text', b.text);
        for (const [j, f] of (b.fields ?? []).entries()) push(`field${j}`, f);
        break;
      case 'context':
        b.elements.forEach((e, j) => {
          if ('text' in e && typeof e.text === 'string') push(`el${j}`, e as TextObj);
        });
        break;
      case 'actions':
        b.elements.forEach((e, j) => {
          if (e.type === 'button') push(`button${j}`, e.text);
        });
        break;
      default:
        break;
    }
  });
  return out;
}

/** Every violated limit, as readable strings (empty = all good). */
export function limitViolations(message: SlackMessage): string[] {
  const v: string[] = [];
  const L = SLACK_LIMITS;
  if (typeof message.text !== 'string' || message.text.trim() === '') v.push('fallback text missing');
  if (message.text.length > L.fallbackText) v.push(`fallback text ${message.text.length} > ${L.fallbackText}`);
  if (message.blocks.length > L.blocksPerMessage) v.push(`${message.blocks.length} blocks`);
  if (message.blocks.length === 0) v.push('no blocks');
  const known = new Set(['header', 'section', 'context', 'divider', 'actions']);
  message.blocks.forEach((b: KnownBlock, i) => {
    if (!known.has(b.type)) v.push(`${i}: unexpected block type ${b.type}`);
    switch (b.type) {
      case 'header':
        if (b.text.type !== 'plain_text') v.push(`${i}: header not plain_text`);
        if (b.text.text.length > L.headerText || b.text.text.length === 0) v.push(`${i}: header length ${b.text.text.length}`);
        break;
      case 'section':
        if (!b.text && !b.fields) v.push(`${i}: section without text or fields`);
        if (b.text && (b.text.text.length > L.sectionText || b.text.text.length === 0)) {
          v.push(`${i}: section text length ${b.text.text.length}`);
        }
        if (b.fields) {
          if (b.fields.length > L.sectionFields || b.fields.length === 0) v.push(`${i}: ${b.fields.length} fields`);
          b.fields.forEach((f, j) => {
            if (f.text.length > L.sectionFieldText || f.text.length === 0) v.push(`${i}.${j}: field length ${f.text.length}`);
          });
        }
        break;
      case 'context':
        if (b.elements.length > L.contextElements || b.elements.length === 0) v.push(`${i}: ${b.elements.length} context elements`);
        b.elements.forEach((e, j) => {
          if ('text' in e && typeof e.text === 'string' && (e.text.length > L.contextText || e.text.length === 0)) {
            v.push(`${i}.${j}: context text length ${e.text.length}`);
          }
        });
        break;
      case 'actions':
        if (b.elements.length > L.actionsElements || b.elements.length === 0) v.push(`${i}: ${b.elements.length} actions`);
        b.elements.forEach((e, j) => {
          if (e.type !== 'button') return;
          if (e.text.text.length > L.buttonText) v.push(`${i}.${j}: button text ${e.text.text.length}`);
          if ((e.value ?? '').length > L.buttonValue) v.push(`${i}.${j}: button value ${(e.value ?? '').length}`);
          if (!e.action_id || e.action_id.length > L.actionId) v.push(`${i}.${j}: action_id`);
        });
        break;
      default:
        break;
    }
  });
  return v;
}

/** Text that Slack would parse as a mention/link, or a bare `&` that is not one of the three entities. */
export function unsafeMarkup(message: SlackMessage): string[] {
  return allTexts(message)
    .filter((t) => /[<>]/.test(t.text) || /&(?!amp;|lt;|gt;)/.test(t.text))
    .map((t) => `${t.where}: ${t.text.slice(0, 120)}`);
}

/** A lone UTF-16 surrogate anywhere (a cut emoji). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** An entity cut in half at the end of a text or before the ellipsis (`&am…`). */
export function hasBrokenEntity(text: string): boolean {
  return /&(?:a|am|amp|l|lt|g|gt)?(?:…|$)/.test(text);
}

/** A message within every Slack limit, with no raw markup from data, no lone surrogate and no broken entity. */
export function expectSafe(message: SlackMessage): void {
  expect(limitViolations(message)).toEqual([]);
  expect(unsafeMarkup(message)).toEqual([]);
  for (const t of allTexts(message)) {
    expect(hasLoneSurrogate(t.text), t.where).toBe(false);
    expect(hasBrokenEntity(t.text), t.where).toBe(false);
  }
}

/** The blocks of one type. */
export const ofType = <T extends KnownBlock['type']>(blocks: KnownBlock[], type: T): Extract<KnownBlock, { type: T }>[] =>
  blocks.filter((b): b is Extract<KnownBlock, { type: T }> => b.type === type);

/** The text of every section (its text, or its fields), one per line. */
export const sectionTexts = (blocks: KnownBlock[]): string =>
  ofType(blocks, 'section')
    .map((s) => s.text?.text ?? s.fields?.map((f) => f.text).join('\n'))
    .join('\n');
