/**
 * The lines that report a dead job, in one place so none can go without its marker: DeadLettersAlarm counts every
 * dead job already (messages received by the dead-letter queue), so each report line carries `"alarm": "DeadLetters"`
 * and stays out of the deadletter function's error-log metric. The function's own failures (a report or a record
 * that failed, an unreadable subscription) are logged without it, and do notify.
 */
import { coveredBy, type LogFields } from '../log.ts';
import { alertAdmins } from '../worker/alerts.ts';
import type { WorkerDeps } from '../worker/deps.ts';

const DEAD_JOB = coveredBy('DeadLetters');

/** The error line every dead job gets (its kind and message id). */
export function logDeadJob(deps: WorkerDeps, fields: LogFields): void {
  deps.log('error', 'deadletter.job', { ...fields, ...DEAD_JOB });
}

/** A dead job told to the admins (`text`: safe mrkdwn): its error line, and a post in the admin channel when one is set. */
export async function tellAdminsOfDeadJob(deps: WorkerDeps, event: string, text: string, fields: LogFields = {}): Promise<void> {
  await alertAdmins(deps, event, text, { ...fields, ...DEAD_JOB });
}
