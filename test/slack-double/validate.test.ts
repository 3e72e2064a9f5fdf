/** validateMessage (image blocks, confirm dialogs) and validateView (modals and Home tabs, their inputs and options), as Slack checks them. */
import { describe, expect, it } from 'vitest';
import { validateMessage, validateView } from '../../src/slack-double/validate.ts';

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

describe('validateView', () => {
  const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'input',
    block_id: 'b',
    label: { type: 'plain_text', text: 'Label' },
    element: { action_id: 'a', ...element },
    ...extra,
  });
  const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 'modal',
    title: { type: 'plain_text', text: 'Title' },
    submit: { type: 'plain_text', text: 'Save' },
    blocks,
    ...extra,
  });
  const option = (value: string, text = value) => ({ text: { type: 'plain_text', text }, value });

  it('accepts a modal with selects, a timepicker, a text input and checkboxes, and a Home tab', () => {
    const view = modal([
      input({ type: 'static_select', options: [option('a'), option('b')], initial_option: option('b') }),
      input({ type: 'multi_static_select', options: [option('a')], initial_options: [option('a')] }),
      input({ type: 'timepicker', initial_time: '09:30' }),
      input({ type: 'plain_text_input', initial_value: 'Europe/Paris', max_length: 64 }),
      input({ type: 'checkboxes', options: [option('x')], initial_options: [option('x')] }, { optional: true }),
    ]);
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(validateView({ type: 'home', blocks: [] }, 'home')).toEqual({ ok: true });
  });

  it.each([
    ['a title over 24 characters', modal([], { title: { type: 'plain_text', text: 'x'.repeat(25) } }), '/view/title/text'],
    ['inputs without submit', modal([input({ type: 'plain_text_input' })], { submit: undefined }), '/view/submit'],
    ['101 blocks', modal(Array.from({ length: 101 }, () => ({ type: 'divider' }))), '/view/blocks'],
    ['private_metadata over 3,000', modal([], { private_metadata: 'x'.repeat(3001) }), '/view/private_metadata'],
    ['101 options', modal([input({ type: 'static_select', options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)) })]), '/options'],
    ['an option text over 75', modal([input({ type: 'static_select', options: [option('a', 'x'.repeat(76))] })]), '/options/0/text/text'],
    [
      'an initial option not among the options',
      modal([input({ type: 'static_select', options: [option('a')], initial_option: option('z') })]),
      '/initial_option',
    ],
    ['a bad time', modal([input({ type: 'timepicker', initial_time: '9:30' })]), '/initial_time'],
    [
      'an initial value over max_length',
      modal([input({ type: 'plain_text_input', initial_value: 'abcdef', max_length: 3 })]),
      '/initial_value',
    ],
    ['11 checkboxes', modal([input({ type: 'checkboxes', options: Array.from({ length: 11 }, (_, i) => option(`c${i}`)) })]), '/options'],
    ['an input without a label', modal([{ type: 'input', element: { type: 'plain_text_input', action_id: 'a' } }]), '/label'],
    ['a home view sent as a modal', { type: 'home', blocks: [] }, '/view/type'],
  ])('refuses %s', (_what, view, pointer) => {
    const check = validateView(view, 'modal');
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).toContain(pointer);
  });

  it('checks a button’s confirm dialog within its limits', () => {
    const confirm = (text: string) => ({
      title: { type: 'plain_text', text: 'Sure?' },
      text: { type: 'plain_text', text },
      confirm: { type: 'plain_text', text: 'Yes' },
      deny: { type: 'plain_text', text: 'No' },
    });
    const message = (c: unknown) => ({
      text: 't',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Delete' }, confirm: c }] },
      ],
    });
    expect(validateMessage(message(confirm('ok')))).toEqual({ ok: true });
    expect(validateMessage(message(confirm('x'.repeat(301)))).ok).toBe(false);
  });
});
