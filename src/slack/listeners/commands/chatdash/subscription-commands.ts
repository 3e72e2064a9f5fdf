/**
 * The subcommands of the subscription UI: `/chatdash subscribe`, `subscriptions`, `connect` and `disconnect`. Their
 * names, help lines and access rules are here, for the registry; their code (`subscribe.ts`, `subscriptions.ts`,
 * `channel-binding.ts`) is imported on first use with the rest of the subscription UI (`load-subscription-ui.ts`), so
 * none of it loads on the HTTP function's cold start or a `/chatdash stats` ack.
 */
import { loadSubscriptionUi } from '../../load-subscription-ui.ts';
import type { Subcommand } from './subcommand.ts';

export const subscribe: Subcommand = {
  name: 'subscribe',
  usage: '`/chatdash subscribe [project]`: a digest for this channel on a schedule you choose (a form opens)',
  run: async (ctx, request) => (await loadSubscriptionUi()).runSubscribe(ctx, request),
};

export const subscriptions: Subcommand = {
  name: 'subscriptions',
  usage: '`/chatdash subscriptions`: this channel\u2019s scheduled digests, to send now, pause, edit or delete',
  run: async (ctx, request) => (await loadSubscriptionUi()).runSubscriptions(ctx, request),
};

/** Admins only, checked by the command itself: a channel being connected isn't bound yet. */
export const connect: Subcommand = {
  name: 'connect',
  usage: '`/chatdash connect <project>`: lets this channel use a project, at once (admins)',
  skipAccessCheck: true,
  run: async (ctx, request) => (await loadSubscriptionUi()).runConnect(ctx, request),
};

export const disconnect: Subcommand = {
  name: 'disconnect',
  usage: '`/chatdash disconnect [project]`: removes a project connected from Slack from this channel (admins)',
  skipAccessCheck: true,
  run: async (ctx, request) => (await loadSubscriptionUi()).runDisconnect(ctx, request),
};
