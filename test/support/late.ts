/**
 * A value that a vitest hook sets up, usable from the top of a test file: `const bot = useBot()` reads as the bot
 * itself in every test, and reading it outside a test (before its `beforeAll` ran) says so plainly.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface Late<T extends object> {
  /** Stands for the current value: property reads, writes and method calls go to it. */
  ref: T;
  set(value: T | undefined): void;
  current(): T | undefined;
}

export function late<T extends object>(what: string): Late<T> {
  let current: T | undefined;
  const live = (): T => {
    if (current === undefined) throw new Error(`${what} is not running here: use it inside a test or a hook, after its beforeAll`);
    return current;
  };
  const ref = new Proxy({} as T, {
    get(_target, property) {
      const target = live();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_target, property, value) => Reflect.set(live(), property, value),
    has: (_target, property) => Reflect.has(live(), property),
  });
  return {
    ref,
    set(value) {
      current = value;
    },
    current: () => current,
  };
}

/**
 * Something a test file (or a describe block) runs for its tests: started in beforeAll, `reset` before each test,
 * `stop`ped in afterAll. Returns it as a `late` reference.
 */
export function useService<T extends object>(
  what: string,
  lifecycle: { start: () => Promise<T>; reset?: (service: T) => void; stop: (service: T) => Promise<void> },
): T {
  const service = late<T>(what);
  beforeAll(async () => {
    service.set(await lifecycle.start());
  });
  if (lifecycle.reset) {
    const reset = lifecycle.reset;
    beforeEach(() => {
      const running = service.current();
      if (running) reset(running);
    });
  }
  afterAll(async () => {
    const running = service.current();
    service.set(undefined);
    if (running) await lifecycle.stop(running);
  });
  return service.ref;
}
