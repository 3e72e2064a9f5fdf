/**
 * Everything the alerts UI's listeners do (`/chatdash alert`, `alerts`, their buttons and modal), behind one
 * `import()`: the listeners are registered at start-up with light constants, and this module (with the alert model,
 * its lifecycle, the alerts flows and the alert store) loads on the first request that needs it, never on the HTTP
 * function's cold start or a `/chatdash stats` ack. The Lambda build bundles it on its own (`SEPARATE_BUNDLES` in
 * src/build/bundle.ts), as the subscription UI.
 *
 * Each listener gets the context with its stores resolved (the alert store, and the state store for the App Home).
 */
import { alertUiStore } from '../alerts/store.ts';
import { subscriptionUiStore } from '../subscriptions/state-store.ts';
import { alertButton as alertButtonListener } from './actions/alert-button.ts';
import { runAlert as alertRun } from './commands/chatdash/alert.ts';
import { runAlerts as alertsRun } from './commands/chatdash/alerts.ts';
import type { ListenerContext } from './context.ts';
import { alertFormSubmitted as alertFormSubmittedListener } from './views/alert-form.ts';

/** `listener` with the context's alert and state stores resolved: the ones given, else the environment's. */
function withStores<A, R>(listener: (ctx: ListenerContext, args: A) => Promise<R>): (ctx: ListenerContext, args: A) => Promise<R> {
  return (ctx, args) => {
    const env = ctx.env ?? process.env;
    const alerts = alertUiStore(ctx.alerts, env, ctx.log);
    const store = subscriptionUiStore(ctx.store, env, ctx.log);
    return listener({ ...ctx, ...(alerts ? { alerts } : {}), ...(store ? { store } : {}) }, args);
  };
}

export const alertButton = withStores(alertButtonListener);
export const runAlert = withStores(alertRun);
export const runAlerts = withStores(alertsRun);
export const alertFormSubmitted = withStores(alertFormSubmittedListener);
