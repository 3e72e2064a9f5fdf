/**
 * Access checks with runtime bindings: reads the request channel's bindings made from Slack (one strongly
 * consistent read, skipped where it can't matter: other workspaces, DMs) and hands them to the pure `checkAccess`.
 *
 * If the read fails, the configuration's bindings still apply; a channel they don't bind gets "couldn't check just
 * now" (which names no project) rather than a wrong "this channel isn't set up".
 */
import { type AccessDecision, type AccessRequest, checkAccess, refuse } from '../config/access.ts';
import type { Config } from '../config/schema.ts';
import { coveredBy, errorFields, type Log } from '../log.ts';
import type { BindingsReader, RuntimeBinding } from './store.ts';

export async function checkChannelAccess(
  config: Config,
  reader: BindingsReader | undefined,
  request: AccessRequest,
  log: Log,
  projectKey?: string,
): Promise<AccessDecision> {
  if (!reader || request.isDirectMessage || !config.workspaces.includes(request.teamId)) return checkAccess(config, request, projectKey);
  let bindings: RuntimeBinding[];
  try {
    bindings = await reader.bindingsOf(request.channelId);
  } catch (error) {
    // StateBindingsUnavailableAlarm counts it (its own metric filter on this event): marked, so it counts nowhere else.
    log('error', 'access.bindings_unavailable', {
      channel: request.channelId,
      ...errorFields(error),
      ...coveredBy('StateBindingsUnavailable'),
    });
    const decision = checkAccess(config, request, projectKey);
    return !decision.ok && decision.reason === 'channel_not_bound' ? refuse('bindings_unavailable') : decision;
  }
  return checkAccess(config, request, projectKey, bindings);
}
