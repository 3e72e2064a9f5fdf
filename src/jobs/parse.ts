/** A queue message's body → a job, checked against the job schema (undefined when it is not one). */
import { parseJsonAs } from '../json.ts';
import { Job } from './schema.ts';

export function parseJob(body: string): Job | undefined {
  return parseJsonAs(Job, body);
}
