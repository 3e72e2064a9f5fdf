/**
 * The stores the management UIs' listeners use, resolved once they are loaded: the state store (subscriptions,
 * bindings, the App Home) and the alert store, each the one the context was handed, else the one its environment
 * names (made by the UI's own bundle on first use), else none (those listeners say it is not set up).
 */
import { alertUiStore } from '../alerts/store.ts';
import { subscriptionUiStore } from '../subscriptions/state-store.ts';
import type { ListenerContext } from './context.ts';

/** `listener` with the context's state and alert stores resolved. */
export function withUiStores<A, R>(listener: (ctx: ListenerContext, args: A) => Promise<R>): (ctx: ListenerContext, args: A) => Promise<R> {
  return (ctx, args) => {
    const env = ctx.env ?? process.env;
    const store = subscriptionUiStore(ctx.store, env, ctx.log);
    const alerts = alertUiStore(ctx.alerts, env, ctx.log);
    return listener({ ...ctx, ...(store ? { store } : {}), ...(alerts ? { alerts } : {}) }, args);
  };
}
