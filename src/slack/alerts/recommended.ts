/**
 * The alerts offered in one click when a channel is connected to a project or subscribed to it: the understood rate
 * unusually low and the cost per day unusually high, both against the project's own last 4 weeks. Their ids are
 * derived from the channel, the project and the recommendation, so a second click (or a retried one) finds them
 * there and creates nothing more. Pure.
 */
import { createHash } from 'node:crypto';
import type { AlertInput } from '../../alerts/lifecycle.ts';

export interface Recommendation {
  /** Stable key of the recommendation (part of the alert's id). */
  key: string;
  input: AlertInput;
}

export function recommendedAlerts(where: { teamId: string; channelId: string; project: string; timeZone: string }): Recommendation[] {
  const base = { teamId: where.teamId, channelId: where.channelId, project: where.project, timeZone: where.timeZone };
  return [
    {
      key: 'understood',
      input: { ...base, metric: { kind: 'understood_rate' }, condition: { kind: 'unusual', direction: 'below' }, frequency: 'hourly' },
    },
    {
      key: 'cost-day',
      input: { ...base, metric: { kind: 'total_cost' }, condition: { kind: 'unusual', direction: 'above' }, frequency: 'daily' },
    },
  ];
}

/** The id a recommendation's alert gets in this channel: the same on every click. */
export function recommendedAlertId(where: { teamId: string; channelId: string; project: string }, key: string): string {
  const hash = createHash('sha256').update(`${where.teamId}|${where.channelId}|${where.project}|${key}`).digest('hex').slice(0, 20);
  return `rec_${hash}`;
}
