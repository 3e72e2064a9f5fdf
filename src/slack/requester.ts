/** Who asked, from where (team, channel, user, DM or not): the one shape every listener hands the worker for access checks. */
import type { Requester } from '../jobs/schema.ts';

/** DM channel ids start with D; slash commands from DMs also say `channel_name: directmessage`. */
export function isDirectMessageChannel(channelId: string, channelName?: string): boolean {
  return channelId.startsWith('D') || channelName === 'directmessage';
}

export function requesterOf(
  teamId: string | undefined,
  channelId: string | undefined,
  userId: string | undefined,
  channelName?: string,
): Requester | undefined {
  if (!teamId || !channelId || !userId) return undefined;
  return { teamId, channelId, userId, isDirectMessage: isDirectMessageChannel(channelId, channelName) };
}
