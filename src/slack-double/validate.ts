/**
 * Message and view checks the Slack double applies before accepting a message, a modal or an App Home, mirroring the
 * limits Slack enforces (https://api.slack.com/reference/block-kit/blocks, chat.postMessage's error list, modal and
 * Home tab views, block elements and composition objects). Pure: no I/O.
 *
 * Slack answers a bad message with `{ ok: false, error, response_metadata: { messages: ['[ERROR] …'] } }`;
 * `validateMessage` and `validateView` return the error code and those explanatory lines.
 */

export const LIMITS = {
  /** chat.postMessage: longer `text` gets `msg_too_long`. */
  text: 40_000,
  blocks: 50,
  blockId: 255,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  imageAltText: 2000,
  imageTitle: 2000,
  imageUrl: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Views (modals and the Home tab) and their input elements. */
export const VIEW_CHECKS = {
  blocks: 100,
  title: 24,
  button: 24,
  privateMetadata: 3000,
  callbackId: 255,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  optionText: 75,
  optionValue: 150,
  textInput: 3000,
  /** views.open / update / publish: a larger view is `view_too_large`. */
  bytes: 250_000,
} as const;

/** A `slack_file.id` as Slack accepts it (python-slack-sdk #1521). */
export const SLACK_FILE_ID = /^F[A-Z0-9]{8,}$/;

export type MessageError = 'no_text' | 'msg_too_long' | 'invalid_blocks' | 'invalid_blocks_format';

export type MessageCheck = { ok: true } | { ok: false; error: MessageError; messages: string[] };

const KNOWN_BLOCK_TYPES = new Set([
  'section',
  'header',
  'divider',
  'context',
  'actions',
  'image',
  'rich_text',
  'input',
  'file',
  'video',
  'markdown',
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check a message body (chat.postMessage / chat.postEphemeral / chat.update / response_url) the way Slack does.
 * `blocks` must already be decoded from its JSON string form.
 */
export function validateMessage(body: Json): MessageCheck {
  const text = body.text;
  const blocks = body.blocks;
  const attachments = body.attachments;
  const hasText = typeof text === 'string' && text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;

  if (blocks !== undefined && !Array.isArray(blocks)) {
    return { ok: false, error: 'invalid_blocks_format', messages: ['[ERROR] blocks must be an array [json-pointer:/blocks]'] };
  }
  if (!hasText && !hasBlocks && !hasAttachments) {
    return { ok: false, error: 'no_text', messages: [] };
  }
  if (typeof text === 'string' && text.length > LIMITS.text) {
    return { ok: false, error: 'msg_too_long', messages: [] };
  }
  if (Array.isArray(blocks)) {
    const problems = checkBlocks(blocks);
    if (problems.length > 0) return { ok: false, error: 'invalid_blocks', messages: problems };
  }
  return { ok: true };
}

function error(message: string, pointer: string): string {
  return `[ERROR] ${message} [json-pointer:${pointer}]`;
}

function checkBlocks(blocks: unknown[], at = '/blocks', max: number = LIMITS.blocks): string[] {
  const problems: string[] = [];
  if (blocks.length > max) {
    problems.push(error(`no more than ${max} items allowed`, at));
  }
  blocks.forEach((block, i) => {
    checkBlock(block, `${at}/${i}`, problems);
  });
  return problems;
}

export type ViewError = 'invalid_arguments' | 'view_too_large';

export type ViewCheck = { ok: true } | { ok: false; error: ViewError; messages: string[] };

/**
 * Check a view (`views.open`, `views.update`: a modal; `views.publish`: a Home tab) the way Slack does: its type, a
 * modal's title, submit and close (a modal with inputs needs a submit), at most 100 blocks, their elements, the
 * private_metadata and callback_id lengths, and its size.
 */
export function validateView(view: unknown, kind: 'modal' | 'home'): ViewCheck {
  const at = '/view';
  if (!isObject(view)) return { ok: false, error: 'invalid_arguments', messages: [error('must be an object', at)] };
  if (JSON.stringify(view).length > VIEW_CHECKS.bytes) return { ok: false, error: 'view_too_large', messages: [] };
  const problems: string[] = [];
  if (view.type !== kind) problems.push(error(`must be ${kind}`, `${at}/type`));
  const blocks = view.blocks;
  if (!Array.isArray(blocks)) {
    problems.push(error('missing required field: blocks', `${at}/blocks`));
  } else {
    problems.push(...checkBlocks(blocks, `${at}/blocks`, VIEW_CHECKS.blocks));
    if (kind === 'modal' && blocks.some((b) => isObject(b) && b.type === 'input') && view.submit === undefined) {
      problems.push(error('must provide submit when the view has input blocks', `${at}/submit`));
    }
  }
  if (kind === 'modal') {
    checkTextObject(view.title, `${at}/title`, VIEW_CHECKS.title, problems, { plainOnly: true, required: true });
    for (const key of ['submit', 'close'] as const) {
      if (view[key] !== undefined) checkTextObject(view[key], `${at}/${key}`, VIEW_CHECKS.button, problems, { plainOnly: true });
    }
  }
  for (const [key, max] of [
    ['private_metadata', VIEW_CHECKS.privateMetadata],
    ['callback_id', VIEW_CHECKS.callbackId],
  ] as const) {
    const value = view[key];
    if (value !== undefined && (typeof value !== 'string' || value.length > max)) {
      problems.push(error(`must be a string of at most ${max} characters`, `${at}/${key}`));
    }
  }
  return problems.length > 0 ? { ok: false, error: 'invalid_arguments', messages: problems } : { ok: true };
}

function checkBlock(block: unknown, at: string, problems: string[]): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    problems.push(error('missing required field: type', at));
    return;
  }
  if (!KNOWN_BLOCK_TYPES.has(block.type)) {
    problems.push(error(`unsupported type: ${block.type}`, `${at}/type`));
    return;
  }
  if (block.block_id !== undefined) {
    if (typeof block.block_id !== 'string' || block.block_id.length > LIMITS.blockId) {
      problems.push(error(`must be a string of at most ${LIMITS.blockId} characters`, `${at}/block_id`));
    }
  }
  switch (block.type) {
    case 'header':
      checkTextObject(block.text, `${at}/text`, LIMITS.headerText, problems, { plainOnly: true, required: true });
      break;
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        problems.push(error('must provide either text or fields', at));
      }
      if (block.text !== undefined) checkTextObject(block.text, `${at}/text`, LIMITS.sectionText, problems);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) {
          problems.push(error('must be an array', `${at}/fields`));
        } else {
          if (block.fields.length > LIMITS.sectionFields) {
            problems.push(error(`no more than ${LIMITS.sectionFields} items allowed`, `${at}/fields`));
          }
          for (const [j, field] of block.fields.entries()) checkTextObject(field, `${at}/fields/${j}`, LIMITS.fieldText, problems);
        }
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${at}/accessory`, problems);
      break;
    }
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problems.push(error('must provide at least 1 element', `${at}/elements`));
        break;
      }
      if (block.elements.length > LIMITS.actionsElements) {
        problems.push(error(`no more than ${LIMITS.actionsElements} items allowed`, `${at}/elements`));
      }
      for (const [j, element] of block.elements.entries()) checkElement(element, `${at}/elements/${j}`, problems);
      break;
    }
    case 'image':
      checkImage(block, at, problems);
      break;
    case 'input':
      checkTextObject(block.label, `${at}/label`, VIEW_CHECKS.label, problems, { plainOnly: true, required: true });
      if (block.hint !== undefined) checkTextObject(block.hint, `${at}/hint`, VIEW_CHECKS.hint, problems, { plainOnly: true });
      if (block.element === undefined) problems.push(error('missing required field: element', `${at}/element`));
      else checkElement(block.element, `${at}/element`, problems);
      break;
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problems.push(error('must provide at least 1 element', `${at}/elements`));
        break;
      }
      if (block.elements.length > LIMITS.contextElements) {
        problems.push(error(`no more than ${LIMITS.contextElements} items allowed`, `${at}/elements`));
      }
      block.elements.forEach((element, j) => {
        if (isObject(element) && element.type === 'image') return;
        checkTextObject(element, `${at}/elements/${j}`, LIMITS.sectionText, problems);
      });
      break;
    }
    default:
      break;
  }
}

/** An image block: alt text, and exactly one source (a public `image_url` or a `slack_file` by id or url). */
function checkImage(block: Json, at: string, problems: string[]): void {
  if (typeof block.alt_text !== 'string' || block.alt_text.length === 0) {
    problems.push(error('missing required field: alt_text', `${at}/alt_text`));
  } else if (block.alt_text.length > LIMITS.imageAltText) {
    problems.push(error(`must be less than ${LIMITS.imageAltText + 1} characters`, `${at}/alt_text`));
  }
  if (block.title !== undefined) checkTextObject(block.title, `${at}/title`, LIMITS.imageTitle, problems, { plainOnly: true });
  const hasUrl = block.image_url !== undefined;
  const hasFile = block.slack_file !== undefined;
  if (hasUrl === hasFile) {
    problems.push(error('must provide exactly one of image_url or slack_file', at));
    return;
  }
  if (hasUrl) {
    if (typeof block.image_url !== 'string' || block.image_url.length === 0 || block.image_url.length > LIMITS.imageUrl) {
      problems.push(error(`must be a string of at most ${LIMITS.imageUrl} characters`, `${at}/image_url`));
    }
    return;
  }
  const file = block.slack_file;
  if (!isObject(file) || (file.id === undefined) === (file.url === undefined)) {
    problems.push(error('must provide exactly one of id or url', `${at}/slack_file`));
    return;
  }
  if (file.id !== undefined && (typeof file.id !== 'string' || !SLACK_FILE_ID.test(file.id))) {
    problems.push(error(`input must match regex pattern: ${SLACK_FILE_ID.source}`, `${at}/slack_file/id`));
  }
  if (file.url !== undefined && (typeof file.url !== 'string' || file.url.length === 0)) {
    problems.push(error('must be a non-empty string', `${at}/slack_file/url`));
  }
}

/** The `slack_file` ids of a message's image blocks, with their JSON pointers (blocks must already be valid). */
export function slackFileRefs(blocks: unknown): Array<{ id: string; pointer: string }> {
  if (!Array.isArray(blocks)) return [];
  const refs: Array<{ id: string; pointer: string }> = [];
  blocks.forEach((block, i) => {
    if (isObject(block) && block.type === 'image' && isObject(block.slack_file) && typeof block.slack_file.id === 'string') {
      refs.push({ id: block.slack_file.id, pointer: `/blocks/${i}/slack_file` });
    }
  });
  return refs;
}

function checkTextObject(
  value: unknown,
  at: string,
  max: number,
  problems: string[],
  options: { plainOnly?: boolean; required?: boolean } = {},
): void {
  if (value === undefined) {
    if (options.required) problems.push(error('missing required field: text', at));
    return;
  }
  if (!isObject(value)) {
    problems.push(error('must be a text object', at));
    return;
  }
  const allowed = options.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    problems.push(error(`must be one of: ${allowed.join(', ')}`, `${at}/type`));
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    problems.push(error('must be more than 0 characters', `${at}/text`));
  } else if (value.text.length > max) {
    problems.push(error(`must be less than ${max + 1} characters`, `${at}/text`));
  }
}

function checkElement(element: unknown, at: string, problems: string[]): void {
  if (!isObject(element) || typeof element.type !== 'string') {
    problems.push(error('missing required field: type', at));
    return;
  }
  if (element.action_id !== undefined) {
    if (typeof element.action_id !== 'string' || element.action_id.length > LIMITS.actionId) {
      problems.push(error(`must be a string of at most ${LIMITS.actionId} characters`, `${at}/action_id`));
    }
  }
  if (element.confirm !== undefined) checkConfirm(element.confirm, `${at}/confirm`, problems);
  if (element.placeholder !== undefined) {
    checkTextObject(element.placeholder, `${at}/placeholder`, VIEW_CHECKS.placeholder, problems, { plainOnly: true });
  }
  switch (element.type) {
    case 'button':
      checkButton(element, at, problems);
      return;
    case 'static_select':
    case 'multi_static_select':
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(element, at, problems);
      return;
    case 'timepicker':
      if (
        element.initial_time !== undefined &&
        (typeof element.initial_time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(element.initial_time))
      ) {
        problems.push(error('must be a time in HH:mm format', `${at}/initial_time`));
      }
      return;
    case 'plain_text_input': {
      const max = element.max_length;
      if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > VIEW_CHECKS.textInput)) {
        problems.push(error(`must be between 1 and ${VIEW_CHECKS.textInput}`, `${at}/max_length`));
      }
      const initial = element.initial_value;
      if (initial !== undefined) {
        const limit = typeof max === 'number' ? max : VIEW_CHECKS.textInput;
        if (typeof initial !== 'string' || initial.length > limit)
          problems.push(error(`must be at most ${limit} characters`, `${at}/initial_value`));
      }
      return;
    }
    default:
      return;
  }
}

function checkButton(element: Json, at: string, problems: string[]): void {
  checkTextObject(element.text, `${at}/text`, LIMITS.buttonText, problems, { plainOnly: true, required: true });
  if (element.value !== undefined) {
    if (typeof element.value !== 'string') {
      problems.push(error('must be a string', `${at}/value`));
    } else if (element.value.length > LIMITS.buttonValue) {
      problems.push(error(`must be less than ${LIMITS.buttonValue + 1} characters`, `${at}/value`));
    }
  }
  if (element.url !== undefined) {
    if (typeof element.url !== 'string' || element.url.length > LIMITS.buttonUrl) {
      problems.push(error(`must be a string of at most ${LIMITS.buttonUrl} characters`, `${at}/url`));
    }
  }
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
    problems.push(error('must be one of: primary, danger', `${at}/style`));
  }
}

/** A confirmation dialog: title, text, confirm and deny, each within its limit. */
function checkConfirm(confirm: unknown, at: string, problems: string[]): void {
  if (!isObject(confirm)) {
    problems.push(error('must be an object', at));
    return;
  }
  checkTextObject(confirm.title, `${at}/title`, LIMITS.confirmTitle, problems, { plainOnly: true, required: true });
  checkTextObject(confirm.text, `${at}/text`, LIMITS.confirmText, problems, { required: true });
  checkTextObject(confirm.confirm, `${at}/confirm`, LIMITS.confirmButton, problems, { plainOnly: true, required: true });
  checkTextObject(confirm.deny, `${at}/deny`, LIMITS.confirmButton, problems, { plainOnly: true, required: true });
}

/** A select's, checkboxes' or radio buttons' options, and that its initial choices are among them. */
function checkOptions(element: Json, at: string, problems: string[]): void {
  const max = element.type === 'checkboxes' || element.type === 'radio_buttons' ? VIEW_CHECKS.checkboxOptions : VIEW_CHECKS.selectOptions;
  const options = element.options;
  if (!Array.isArray(options) || options.length === 0) {
    problems.push(error('must provide at least 1 option', `${at}/options`));
    return;
  }
  if (options.length > max) problems.push(error(`no more than ${max} items allowed`, `${at}/options`));
  const values = new Set<string>();
  options.forEach((o, j) => {
    const where = `${at}/options/${j}`;
    if (!isObject(o)) {
      problems.push(error('must be an object', where));
      return;
    }
    checkTextObject(o.text, `${where}/text`, VIEW_CHECKS.optionText, problems, {
      required: true,
      plainOnly: element.type !== 'checkboxes' && element.type !== 'radio_buttons',
    });
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > VIEW_CHECKS.optionValue) {
      problems.push(error(`must be a string of 1 to ${VIEW_CHECKS.optionValue} characters`, `${where}/value`));
    } else if (values.has(o.value)) {
      problems.push(error('option values must be unique', `${where}/value`));
    } else {
      values.add(o.value);
    }
  });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (element.initial_option !== undefined && !options.some((o) => same(o, element.initial_option))) {
    problems.push(error('must match one of the options', `${at}/initial_option`));
  }
  if (element.initial_options !== undefined) {
    if (!Array.isArray(element.initial_options)) problems.push(error('must be an array', `${at}/initial_options`));
    else if (!element.initial_options.every((i) => options.some((o) => same(o, i)))) {
      problems.push(error('must match options', `${at}/initial_options`));
    }
  }
}
