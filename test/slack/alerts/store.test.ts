/** The alerts UI's alert store: the one handed in, else the environment's (made once per environment), else none. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertUiStore } from '../../../src/slack/alerts/store.ts';
import { createMemoryAlertStores } from '../../../src/store/alerts-memory.ts';
import { storedAlert } from '../../support/alert-ui.ts';
import { recordingLog } from '../../support/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'chatdash-alert-ui-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { log } = recordingLog();

describe('alertUiStore', () => {
  it('the store handed in wins; without one, STATE_FILE’s, made once for that environment; neither: none', async () => {
    const given = createMemoryAlertStores({ log }).store;
    expect(alertUiStore(given, { STATE_FILE: join(dir, 'a.json') }, log)).toBe(given);
    const env = { STATE_FILE: join(dir, 'b.json') };
    const made = alertUiStore(undefined, env, log);
    expect(alertUiStore(undefined, env, log)).toBe(made);
    const { definition, state } = storedAlert();
    await made?.create(definition, state, 'U0ALICE');
    expect((await made?.get(definition.id))?.definition.id).toBe(definition.id);
    expect(alertUiStore(undefined, {}, log)).toBeUndefined();
  });
});
