/** validateMessage's image blocks: a slack_file by id or an image_url, alt text, a plain_text title, as Slack checks them. */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/slack-double/validate.ts';

describe('validateMessage: image blocks', () => {
  const check = (block: Record<string, unknown>) => validateMessage({ text: 't', blocks: [{ type: 'image', ...block }] });

  it('accepts a slack_file by id with alt text and a title', () => {
    expect(check({ slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x', title: { type: 'plain_text', text: 'Chart' } })).toEqual({ ok: true });
    expect(check({ image_url: 'https://example.com/a.png', alt_text: 'x' })).toEqual({ ok: true });
  });

  it.each([
    ['no alt text', { slack_file: { id: 'F0123ABCDEF' } }, '/blocks/0/alt_text'],
    ['alt text over 2000', { slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x'.repeat(2001) }, '/blocks/0/alt_text'],
    ['both sources', { slack_file: { id: 'F0123ABCDEF' }, image_url: 'https://e.com/a.png', alt_text: 'x' }, '/blocks/0'],
    ['no source', { alt_text: 'x' }, '/blocks/0'],
    ['id and url', { slack_file: { id: 'F0123ABCDEF', url: 'https://e.com' }, alt_text: 'x' }, '/blocks/0/slack_file'],
    [
      'a permalink as id',
      { slack_file: { id: 'https://acme.slack.com/files/U1/F0123ABCDEF/a.png' }, alt_text: 'x' },
      '/blocks/0/slack_file/id',
    ],
    [
      'a mrkdwn title',
      { slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x', title: { type: 'mrkdwn', text: '*t*' } },
      '/blocks/0/title/type',
    ],
  ])('rejects %s', (_name, block, pointer) => {
    const result = check(block);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe('invalid_blocks');
      expect(result.messages.join('\n')).toContain(`[json-pointer:${pointer}]`);
    }
  });
});
