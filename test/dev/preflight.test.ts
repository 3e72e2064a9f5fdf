/** The token check before connecting, against the Slack Web API double and the Socket Mode double. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkTokensWithSlack } from '../../src/dev/preflight.ts';
import { createLog } from '../../src/log.ts';
import { DOUBLE_APP_TOKEN } from '../../src/socket-mode-double/server.ts';
import { useSlackDouble } from '../support/slack-double.ts';
import { useSocketModeDouble } from '../support/socket-mode-double.ts';

const BOT = 'xoxb-preflight-bot';
const slack = useSlackDouble({ token: BOT, teamId: 'T0PRE' });
const socket = useSocketModeDouble();
const log = createLog({ quiet: true });

const urls = () => ({ slackApiUrl: slack.apiUrl, socketApiUrl: socket.apiUrl, log });

describe('checkTokensWithSlack', () => {
  it('good tokens: the workspace and bot user from auth.test', async () => {
    expect(await checkTokensWithSlack({ appToken: DOUBLE_APP_TOKEN, botToken: BOT }, urls())).toEqual({
      ok: true,
      identity: { teamId: 'T0PRE', team: 'ChatDash Demo', botUserId: 'U0CHATDASH', botName: 'chatdash' },
    });
  });

  it('both tokens refused: both problems, from one round', async () => {
    expect(await checkTokensWithSlack({ appToken: 'xapp-1-other-app', botToken: 'xoxb-revoked' }, urls())).toEqual({
      ok: false,
      problems: [
        { kind: 'rejected', token: 'bot', error: 'invalid_auth' },
        { kind: 'rejected', token: 'app', error: 'invalid_auth' },
      ],
    });
  });

  it('a bot token where the app-level token goes: not_allowed_token_type', async () => {
    const result = await checkTokensWithSlack({ appToken: BOT, botToken: BOT }, urls());
    expect(result).toEqual({ ok: false, problems: [{ kind: 'wrong_prefix', token: 'app', prefix: undefined }] });
  });

  it('Slack unreachable: says so, by error code', async () => {
    // A port nothing listens on.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const result = await checkTokensWithSlack(
      { appToken: DOUBLE_APP_TOKEN, botToken: BOT },
      { slackApiUrl: `http://127.0.0.1:${port}/api/`, socketApiUrl: socket.apiUrl, log },
    );
    expect(result).toEqual({ ok: false, problems: [{ kind: 'unreachable', token: 'bot', reason: 'ECONNREFUSED' }] });
  }, 30_000);
});
