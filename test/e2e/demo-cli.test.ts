/** `npm run demo` is the README's first command: it must run end to end with no keys and exit 0. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';
import { formatInstant } from '../../src/slack/subscriptions/when.ts';
import { keylessEnv } from '../support/env.ts';
import { decodePng } from '../support/png.ts';

const out = mkdtempSync(join(tmpdir(), 'chatdash-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('prints the summary, the digest and a /chatdash round trip, writes the Block Kit JSON and Builder link, exits 0', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/demo.ts'), '--out', out], {
      cwd: ROOT,
      env: keylessEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(run.status).toBe(0);
    const stdout = run.stdout;
    expect(stdout).toMatch(/Conversations\s+[\d,]+ \(previous [\d,]+\)/);
    expect(stdout).toContain('Acme Support Bot');
    expect(stdout).toMatch(/HTTP 200 in \d+ ms/);
    expect(stdout).toContain('Jobs queued: 1');
    expect(stdout).toContain('Worker finished (0 failures)');
    expect(stdout).toContain('Topics: Acme Support Bot');
    // The subscribe round trip: the modal as a form, an inline error, saved and announced, listed, one digest for
    // two clicks, the tick posting it, the App Home.
    expect(stdout).toContain('\u250c Subscribe this channel');
    expect(stdout).toContain('Time zone: [ Europe/Paris ]');
    expect(stdout).toContain('{"response_action":"errors","errors":{"time_zone":');
    expect(stdout).toContain(
      '#acme: :bell: <@U0ALICE> subscribed this channel to the *Acme Support Bot* digest: every day at 08:00 Europe/Paris',
    );
    expect(stdout).toContain('[ Send now ] [ Pause ] [ Edit ] [ Delete ]');
    expect(stdout).toContain('Digests posted to #acme: 1 ');
    expect(stdout).toContain('I posted this digest a moment ago.');
    expect(stdout).toMatch(/Tick: 1 runtime subscription due; worker: 0 failures; last delivery: posted \(schedule\)/);
    expect(stdout).toContain('The Acme Support Bot digest in #C0ACME');
    // The tick plays its own time (the subscription's next run), and the delivery it records, which the App Home shows,
    // is on that clock too: the tick's minute, 08:00 in Paris, never the wall clock's.
    const tickAt = /The every-minute tick at its time \((\S+?)[,)]/.exec(stdout)?.[1] ?? '';
    expect(new Date(tickAt).toISOString()).toBe(tickAt);
    const deliveredAt = /last delivery: posted \(schedule\) at (\S+),/.exec(stdout)?.[1] ?? '';
    expect(Date.parse(deliveredAt) - Date.parse(tickAt)).toBeGreaterThanOrEqual(0);
    const inParis = formatInstant(tickAt, 'Europe/Paris');
    expect(inParis).toMatch(/, 08:00$/);
    expect(stdout).toContain(`Last: :white_check_mark: posted ${inParis} · Owner: @U0ALICE`);
    expect(JSON.parse(readFileSync(join(out, 'subscribe-modal.json'), 'utf8'))).toMatchObject({
      type: 'modal',
      callback_id: 'subscription:form',
    });
    expect(JSON.parse(readFileSync(join(out, 'home.json'), 'utf8'))).toMatchObject({ type: 'home' });
    // The alert round trip from Slack: the modal as a form, an inline error, saved and announced, listed.
    expect(stdout).toContain('\u250c New alert');
    expect(stdout).toContain('{"response_action":"errors","errors":{"alert_threshold":"Type a number, e.g. 80 or 0.50."}}');
    expect(stdout).toContain('#acme: :rotating_light: <@U0ALICE> set up an alert here: Understood rate below 80%');
    expect(stdout).toContain('[ Mute 24 h ] [ Pause ] [ Edit ] [ Delete ]');
    expect(JSON.parse(readFileSync(join(out, 'alert-modal.json'), 'utf8'))).toMatchObject({ type: 'modal', callback_id: 'alert:form' });
    // The alerts part: fires once per alert, stays quiet, back to normal in the thread, a drill-down there.
    expect(stdout.match(/Posted to #C0SHOP:/g)).toHaveLength(2);
    expect(
      stdout.match(
        /Replied in the alert’s thread:\n\s+:white_check_mark: \*?Understood rate (below 85%|unusually low)\*? is back to normal since/g,
      ),
    ).toHaveLength(2);
    expect(stdout).toContain('🚨 Understood rate unusually low · Maya Shop Assistant');
    expect(stdout).toContain('Misunderstood messages: Maya Shop Assistant');
    const alert = JSON.parse(readFileSync(join(out, 'alert.json'), 'utf8')) as { text: string; blocks: Array<{ type: string }> };
    expect(alert.blocks.some((b) => b.type === 'actions')).toBe(true);

    const digest = JSON.parse(readFileSync(join(out, 'digest.json'), 'utf8')) as { text: string; blocks: unknown[] };
    expect(digest.text.length).toBeGreaterThan(0);
    expect(digest.blocks.length).toBeGreaterThan(3);
    expect(digest.blocks.length).toBeLessThanOrEqual(50);
    const link = readFileSync(join(out, 'block-kit-builder-url.txt'), 'utf8').trim();
    expect(link.startsWith('https://app.slack.com/block-kit-builder/#')).toBe(true);
    // The Builder gets the text version (it can't show files uploaded to the double); digest.json has the chart.
    const text = JSON.parse(readFileSync(join(out, 'digest-text.json'), 'utf8')) as { blocks: unknown[] };
    expect(JSON.parse(decodeURIComponent(link.slice(link.indexOf('#') + 1)))).toEqual({ blocks: text.blocks });
    expect(digest.blocks).toContainEqual(expect.objectContaining({ type: 'image', slack_file: { id: expect.stringMatching(/^F/) } }));
    expect(stdout).toContain('Posted to the Slack double: accepted');
    for (const chart of ['chart-conversations.png', 'chart-cost.png', 'chart-topics.png']) {
      expect(stdout).toContain(join(out, chart));
      const png = decodePng(readFileSync(join(out, chart)));
      expect([png.width, png.height]).toEqual([1200, 600]);
    }
  }, 90_000);
});
