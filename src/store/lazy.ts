/**
 * The stores from the environment (`stateStoreFromEnv`, `alertStoresFromEnv`), their code loaded on first use. The
 * worker makes its deps at start-up, but most jobs (a stats answer, a drill-down) use no more of the state store than
 * a channel's bindings, some none at all, and only alert checks use the alert stores: the stores' item schemas, the
 * cron library and the configuration schema they bring stay off the worker's cold start (the build splits them into
 * chunks of their own), and a job loads only the stores it calls.
 */
import type { AlertStore, AlertStores, OutageStore, WindowStore } from '../alerts/store.ts';
import type { Log } from '../log.ts';
import type { StateStore } from './store.ts';

type AsyncMethod<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof T];

/** A loader that imports once, and again after a failed import (the next call tries again). */
function loadOnce<T>(load: () => Promise<T>): { get(): Promise<T>; loaded(): T | undefined } {
  let loading: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get() {
      loading ??= load().then(
        (made) => {
          value = made;
          return made;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}

/** `names` of what `target()` resolves to, as methods that wait for it. */
function deferred<T extends object, K extends AsyncMethod<T>>(target: () => Promise<T>, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(
    names.map((name) => [name, async (...args: unknown[]) => ((await target())[name] as (...a: unknown[]) => Promise<unknown>)(...args)]),
  ) as Pick<T, K>;
}

export function lazyStateStoreFromEnv(env: NodeJS.ProcessEnv, log: Log): StateStore {
  const store = loadOnce(async () => (await import('./from-env.ts')).stateStoreFromEnv(env, log));
  return {
    kind: env.STATE_TABLE ? 'dynamodb' : 'memory',
    get reads() {
      return store.loaded()?.reads ?? { items: 0, requests: 0 };
    },
    ...deferred(store.get, [
      'createSubscription',
      'getSubscription',
      'updateSubscription',
      'pauseSubscription',
      'resumeSubscription',
      'deleteSubscription',
      'listByChannel',
      'listByOwner',
      'listAll',
      'dueSubscriptions',
      'advanceNextRun',
      'recordDelivery',
      'configDelivery',
      'bindingsOf',
      'bindChannel',
      'unbindChannel',
      'listBindings',
      'claimSendNow',
      'releaseSendNow',
      'reserveSlot',
      'nextFreeSlot',
    ]),
  };
}

export function lazyAlertStoresFromEnv(env: NodeJS.ProcessEnv, log: Log): AlertStores {
  const stores = loadOnce(async () => (await import('./alerts-from-env.ts')).alertStoresFromEnv(env, log));
  const alerts = async (): Promise<AlertStore> => (await stores.get()).store;
  const windows = async (): Promise<WindowStore> => (await stores.get()).windows;
  const outages = async (): Promise<OutageStore> => (await stores.get()).outages;
  return {
    store: deferred(alerts, [
      'create',
      'get',
      'getMany',
      'listByChannel',
      'listByOwner',
      'listByProject',
      'listAll',
      'updateDefinition',
      'delete',
      'claimDue',
      'saveState',
    ]),
    windows: deferred(windows, ['get', 'put']),
    outages: deferred(outages, ['updateOutage']),
  };
}
