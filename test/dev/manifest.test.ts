/** `manifest.dev.yml` is `manifest.yml` in Socket Mode: the same command, scopes and events, and no URLs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../src/build/bundle.ts';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url?: string; usage_hint?: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const read = (name: string) => parse(readFileSync(join(ROOT, name), 'utf8')) as Manifest;
const prod = read('manifest.yml');
const dev = read('manifest.dev.yml');

describe('manifest.dev.yml', () => {
  it('has Socket Mode on and no request URL anywhere', () => {
    expect(dev.settings.socket_mode_enabled).toBe(true);
    expect(prod.settings.socket_mode_enabled).toBe(false);
    expect(readFileSync(join(ROOT, 'manifest.dev.yml'), 'utf8')).not.toMatch(/^\s*(request_)?url:/m);
  });

  it('has the same slash command, bot scopes, events and interactivity as manifest.yml', () => {
    const commands = (m: Manifest) => m.features.slash_commands.map(({ url: _url, ...rest }) => rest);
    expect(commands(dev)).toEqual(commands(prod));
    expect(dev.oauth_config.scopes.bot).toEqual(prod.oauth_config.scopes.bot);
    expect(dev.settings.event_subscriptions.bot_events).toEqual(prod.settings.event_subscriptions.bot_events);
    expect(dev.settings.interactivity.is_enabled).toBe(prod.settings.interactivity.is_enabled);
  });
});
