/**
 * `manifest.dev.yml` is `manifest.yml` in Socket Mode: the same command, scopes, events and App Home, and no URLs;
 * and both subscribe to every event the app listens to, with the Home tab on for App Home.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../src/build/bundle.ts';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { DEFAULT_SCOPES } from '../../src/slack-double/server.ts';
import { listenerContext, recordingApp } from '../support/listeners.ts';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url?: string; usage_hint?: string }>;
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
  };
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
    expect(dev.features.app_home).toEqual(prod.features.app_home);
  });
});

describe('manifest.yml', () => {
  it('subscribes to every event the app listens to, and no other', () => {
    const { app, registered } = recordingApp();
    registerListeners(app, listenerContext());
    const events = registered.filter((r) => r.kind === 'event').map((r) => String(r.constraint));
    expect([...prod.settings.event_subscriptions.bot_events].sort()).toEqual(events.sort());
  });

  it('has the Home tab on (the App Home is published there) and a read-only Messages tab for the bot\u2019s DMs', () => {
    expect(prod.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true });
  });

  it('asks for no scope the bot doesn\u2019t use (views.* and DMs to a user id need none of their own)', () => {
    // The Slack double grants the manifest's scopes plus files:read (to test a bot that has it); the bot's are the rest.
    expect(prod.oauth_config.scopes.bot).toEqual(DEFAULT_SCOPES.filter((s) => s !== 'files:read'));
    for (const unused of ['im:write', 'im:history', 'channels:read', 'groups:read', 'chat:write.public']) {
      expect(prod.oauth_config.scopes.bot, unused).not.toContain(unused);
    }
  });

  it('names the subcommands people type most in its usage hint', () => {
    expect(prod.features.slash_commands[0]?.usage_hint).toMatch(/subscribe/);
    expect(prod.features.slash_commands[0]?.usage_hint).toMatch(/alert \[project\] \| alerts/);
  });
});
