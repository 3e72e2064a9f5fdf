/**
 * The schedule's every-minute tick, in-process for `npm run dev` (EventBridge's `rate(1 minute)` in AWS): calls
 * `tick` at the start of every interval, by the wall clock, so ticks don't drift. A tick that fails is reported
 * and the next one comes anyway; a tick still running when the next is due makes that one wait its turn.
 */
import type { ScheduleHandler } from '../schedule/handler.ts';

export interface TickerOptions {
  /** What each tick does: the schedule handler, given the tick's time. */
  tick: (at: Date) => Promise<unknown>;
  /** Told about a tick that failed. */
  onError: (error: unknown) => void;
  /** The interval (default 60,000 ms: ticks at the start of every minute). */
  everyMs?: number;
  /** The clock (default `Date.now`). */
  now?: () => number;
}

export interface Ticker {
  stop(): void;
}

export function startTicker(options: TickerOptions): Ticker {
  const everyMs = options.everyMs ?? 60_000;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  /** The last boundary ticked (a timer firing a hair early or late still ticks each boundary once). */
  let last = Math.floor(now() / everyMs) * everyMs;

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(fire, Math.max(1, last + everyMs - now()));
    // The tick alone does not keep the process alive: the Socket Mode connection does.
    timer.unref();
  }

  function fire(): void {
    const at = Math.round(now() / everyMs) * everyMs;
    if (at > last) {
      last = at;
      running = running.then(() => options.tick(new Date(at)).then(() => undefined, options.onError));
    }
    schedule();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The dev bot's tick: the real schedule handler, every minute. A failed tick is logged by the handler itself
 * (`schedule.tick_failed`, with why, as in AWS), so the ticker adds no line of its own: one line per failed tick.
 */
export function startScheduleTicker(schedule: ScheduleHandler, timing: Pick<TickerOptions, 'everyMs' | 'now'> = {}): Ticker {
  return startTicker({ tick: (at) => schedule({ time: at.toISOString() }), onError: loggedByTheHandler, ...timing });
}

/** A failed tick's error: already logged (`schedule.tick_failed`) by the handler that threw it. */
function loggedByTheHandler(): void {}
