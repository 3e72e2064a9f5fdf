/** `.env` for `npm run dev`: read with Node's parser; the real environment wins. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvFile, withEnvFile } from '../../src/dev/env-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'chatdash-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readEnvFile', () => {
  it('reads comments, quotes and export-less KEY=value lines; leaves empty values out', () => {
    const path = join(dir, '.env');
    writeFileSync(
      path,
      '# Slack\nSLACK_APP_TOKEN=xapp-1\nSLACK_BOT_TOKEN="xoxb-2"\nCHATDASH_API_KEY=\nCHATDASH_CONFIG=\'my.yml\' # mine\n',
    );
    expect(readEnvFile(path)).toEqual({
      path,
      found: true,
      values: { SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-2', CHATDASH_CONFIG: 'my.yml' },
    });
  });

  it('a missing file is no error', () => {
    expect(readEnvFile(join(dir, 'nope.env'))).toEqual({ path: join(dir, 'nope.env'), found: false, values: {} });
  });
});

describe('withEnvFile', () => {
  it('the environment wins over the file; an empty variable does not hide the file\u2019s value', () => {
    const file = { path: '.env', found: true, values: { SLACK_APP_TOKEN: 'xapp-file', SLACK_BOT_TOKEN: 'xoxb-file' } };
    expect(withEnvFile({ SLACK_APP_TOKEN: 'xapp-env', SLACK_BOT_TOKEN: '', HOME: '/home/me' }, file)).toEqual({
      SLACK_APP_TOKEN: 'xapp-env',
      SLACK_BOT_TOKEN: 'xoxb-file',
      HOME: '/home/me',
    });
  });
});
