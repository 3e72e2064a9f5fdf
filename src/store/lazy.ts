/**
 * The state store from the environment (`stateStoreFromEnv`), its code loaded on first use. The worker makes its
 * deps at start-up, but most jobs (a stats answer, a drill-down) use no more of the store than a channel's bindings,
 * and some none at all: the store's item schemas, the cron library and the configuration schema they bring stay off
 * the worker's cold start (the build splits them into a chunk of their own).
 */
import type { Log } from '../log.ts';
import type { StateStore } from './store.ts';

type AsyncMethod = {
  [K in keyof StateStore]: StateStore[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof StateStore];

export function lazyStateStoreFromEnv(env: NodeJS.ProcessEnv, log: Log): StateStore {
  let loading: Promise<StateStore> | undefined;
  let loaded: StateStore | undefined;
  const load = (): Promise<StateStore> => {
    loading ??= import('./from-env.ts').then(
      ({ stateStoreFromEnv }) => {
        loaded = stateStoreFromEnv(env, log);
        return loaded;
      },
      (error: unknown) => {
        // A failed import is tried again by the next call.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const call = <K extends AsyncMethod>(name: K): StateStore[K] =>
    (async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => Promise<unknown>)(...args)) as StateStore[K];
  return {
    kind: env.STATE_TABLE ? 'dynamodb' : 'memory',
    get reads() {
      return loaded?.reads ?? { items: 0, requests: 0 };
    },
    createSubscription: call('createSubscription'),
    getSubscription: call('getSubscription'),
    updateSubscription: call('updateSubscription'),
    pauseSubscription: call('pauseSubscription'),
    resumeSubscription: call('resumeSubscription'),
    deleteSubscription: call('deleteSubscription'),
    listByChannel: call('listByChannel'),
    listByOwner: call('listByOwner'),
    listAll: call('listAll'),
    dueSubscriptions: call('dueSubscriptions'),
    advanceNextRun: call('advanceNextRun'),
    recordDelivery: call('recordDelivery'),
    configDelivery: call('configDelivery'),
    bindingsOf: call('bindingsOf'),
    bindChannel: call('bindChannel'),
    unbindChannel: call('unbindChannel'),
    listBindings: call('listBindings'),
    claimSendNow: call('claimSendNow'),
    releaseSendNow: call('releaseSendNow'),
    reserveSlot: call('reserveSlot'),
    nextFreeSlot: call('nextFreeSlot'),
  };
}
