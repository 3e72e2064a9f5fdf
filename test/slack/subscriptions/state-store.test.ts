/** The subscription UI's state store: the one handed in, else the environment's (made once per environment), else none. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { subscriptionUiStore } from '../../../src/slack/subscriptions/state-store.ts';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { recordingLog } from '../../support/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'chatdash-ui-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { log } = recordingLog();

describe('subscriptionUiStore', () => {
  it('the store handed in wins; without one, STATE_FILE’s store, made once for that environment; neither: none', () => {
    const given = createMemoryStore({ log });
    expect(subscriptionUiStore(given, { STATE_FILE: join(dir, 'a.json') }, log)).toBe(given);
    const env = { STATE_FILE: join(dir, 'b.json') };
    const made = subscriptionUiStore(undefined, env, log);
    expect(made?.kind).toBe('memory');
    expect(subscriptionUiStore(undefined, env, log)).toBe(made);
    expect(subscriptionUiStore(undefined, { STATE_FILE: join(dir, 'c.json') }, log)).not.toBe(made);
    expect(subscriptionUiStore(undefined, {}, log)).toBeUndefined();
  });

  it('STATE_TABLE: the DynamoDB store (its SDK loaded on first call)', () => {
    expect(subscriptionUiStore(undefined, { STATE_TABLE: 'chatdash-state', AWS_REGION: 'eu-west-1' }, log)?.kind).toBe('dynamodb');
  });
});
