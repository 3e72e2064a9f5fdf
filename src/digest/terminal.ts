/** A readable terminal rendering of a Slack message or view (a modal, an App Home), for `npm run demo`. Never sent to Slack. */
import type { InputBlock, KnownBlock, View } from '@slack/types';
import type { SlackMessage } from './blocks.ts';
import { unescapeMrkdwn } from './mrkdwn.ts';

const WIDTH = 72;
const COLUMN = 36;

/** mrkdwn → plain: bold/italic/strike markers dropped, mentions as `#C…`/`@U…`, entities back to characters, :emoji: codes kept. */
export function mrkdwnToPlain(text: string): string {
  return unescapeMrkdwn(
    text
      .replace(/<([#@])([A-Z0-9]+)>/g, '$1$2')
      .replace(/(^|[\s(“])\*([^*\n]+)\*(?=$|[\s.,:;!?)”])/g, '$1$2')
      .replace(/(^|[\s(“])_([^_\n]+)_(?=$|[\s.,:;!?)”])/g, '$1$2')
      .replace(/(^|[\s(“])~([^~\n]+)~(?=$|[\s.,:;!?)”])/g, '$1$2'),
  );
}

/** Display width, roughly: one column per code point (emoji may take two; close enough for a demo). */
function width(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function textOf(obj: { type: string; text: string } | undefined): string {
  if (!obj) return '';
  return obj.type === 'mrkdwn' ? mrkdwnToPlain(obj.text) : unescapeMrkdwn(obj.text);
}

function twoColumns(cells: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const left = (cells[i] ?? '').split('\n');
    const right = (cells[i + 1] ?? '').split('\n');
    const rows = Math.max(left.length, right.length);
    for (let r = 0; r < rows; r++) out.push(`${pad(left[r] ?? '', COLUMN)}${right[r] ?? ''}`.trimEnd());
  }
  return out;
}

function renderBlock(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header': {
      const t = textOf(block.text);
      return [t, '═'.repeat(Math.min(WIDTH, Math.max(3, width(t))))];
    }
    case 'context':
      return [
        block.elements
          .map((e) => ('text' in e && typeof e.text === 'string' ? textOf(e as { type: string; text: string }) : ''))
          .filter(Boolean)
          .join('  ·  '),
      ];
    case 'section': {
      const lines: string[] = [];
      if (block.text) lines.push(...textOf(block.text).split('\n'));
      if (block.fields) lines.push(...twoColumns(block.fields.map((f) => textOf(f))));
      if (block.accessory?.type === 'button' && lines.length > 0)
        lines[0] = `${lines[0]}  [ ${unescapeMrkdwn(block.accessory.text.text)} ]`;
      return lines;
    }
    case 'divider':
      return ['─'.repeat(WIDTH)];
    case 'actions':
      return [
        block.elements
          .map((e) => (e.type === 'button' ? `[ ${unescapeMrkdwn(e.text.text)}${e.url ? ' \u2197' : ''} ]` : `[${e.type}]`))
          .join(' '),
      ];
    case 'input':
      return renderInput(block);
    case 'image': {
      const source = 'slack_file' in block && block.slack_file && 'id' in block.slack_file ? `Slack file ${block.slack_file.id}` : 'image';
      return [`[chart: ${block.title ? unescapeMrkdwn(block.title.text) : 'image'} (${source})]`];
    }
    default:
      return [`[${block.type} block]`];
  }
}

type Option = { text: { text: string }; value?: string };

/** An input block as a form field: `Label: [current value]  (N choices)`, its hint below. */
function renderInput(block: InputBlock): string[] {
  const element = block.element as unknown as Record<string, unknown>;
  const option = element.initial_option as Option | undefined;
  const options = (element.initial_options as Option[] | undefined) ?? [];
  const choices = Array.isArray(element.options) ? element.options.length : 0;
  const value =
    option?.text.text ??
    (options.length > 0 ? options.map((o) => o.text.text).join(', ') : undefined) ??
    (element.initial_time as string | undefined) ??
    (element.initial_value as string | undefined) ??
    '';
  const kind =
    choices > 0 ? `  (${choices} ${choices === 1 ? 'choice' : 'choices'}${element.type === 'static_select' ? '' : ', several'})` : '';
  const optional = block.optional ? ' (optional)' : '';
  const lines = [`${unescapeMrkdwn(block.label.text)}${optional}: [ ${unescapeMrkdwn(value)} ]${kind}`];
  if (block.hint) lines.push(`  ↳ ${unescapeMrkdwn(block.hint.text)}`);
  return lines;
}

/** A modal or an App Home: its title, its blocks (form fields as `Label: [value]`), its submit and close buttons. */
export function renderViewForTerminal(view: View): string {
  const title = view.type === 'modal' ? unescapeMrkdwn(view.title.text) : 'App Home';
  const out = [`┌ ${title} ${'─'.repeat(Math.max(3, WIDTH - width(title) - 3))}`, ''];
  for (const block of view.blocks as KnownBlock[]) out.push(...renderBlock(block), '');
  if (view.type === 'modal' && (view.submit || view.close)) {
    out.push(
      [view.close && `[ ${unescapeMrkdwn(view.close.text)} ]`, view.submit && `[ ${unescapeMrkdwn(view.submit.text)} ]`]
        .filter(Boolean)
        .join(' '),
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderForTerminal(message: SlackMessage): string {
  const out: string[] = [];
  for (const block of message.blocks) {
    out.push(...renderBlock(block), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
