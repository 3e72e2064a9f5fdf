/**
 * The subcommands of the alerts UI: `/chatdash alert [project]` and `/chatdash alerts`. Their names, help lines and
 * access rules are here, for the registry; their code (`alert.ts`, `alerts.ts`) is imported on first use with the
 * rest of the alerts UI (`load-alert-ui.ts`), so none of it loads on the HTTP function's cold start or a
 * `/chatdash stats` ack.
 */
import { loadAlertUi } from '../../load-alert-ui.ts';
import type { Subcommand } from './subcommand.ts';

export const alert: Subcommand = {
  name: 'alert',
  usage: '`/chatdash alert [project]`: a post in this channel when a number needs attention (a form opens)',
  run: async (ctx, request) => (await loadAlertUi()).runAlert(ctx, request),
};

export const alerts: Subcommand = {
  name: 'alerts',
  usage: '`/chatdash alerts`: this channel\u2019s alerts, to mute, pause, edit or delete',
  run: async (ctx, request) => (await loadAlertUi()).runAlerts(ctx, request),
};
