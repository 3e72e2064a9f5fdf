/** What every listener gets besides Bolt's own arguments: the configuration, the job queue, the log and the clock. */
import type { App } from '@slack/bolt';
import type { Config } from '../../config/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Log } from '../../log.ts';

/**
 * A Bolt App, whatever its receiver: the Lambda one (AwsLambdaReceiver, `src/slack/app.ts`) or a Socket Mode one in
 * dev. Type-only: nothing of Bolt's index is loaded.
 */
export type BoltApp = App;

export interface ListenerContext {
  /** Projects, channel bindings, admins (validated). */
  config: Config;
  /** Where slow work goes: the worker picks it up. */
  queue: JobQueue;
  log: Log;
  /** The clock (jobs carry when they were asked for). */
  now: () => Date;
}
