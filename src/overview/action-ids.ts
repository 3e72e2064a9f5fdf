/**
 * Action ids of the overview's buttons. Dependency-free: the HTTP function matches them on the ack path.
 * `overview:project:<key>` opens one project's full stats; `overview:list:<which>` lists the projects the message
 * left out.
 */
export const OVERVIEW_ACTION = /^overview:/;

export function projectActionId(key: string): string {
  return `overview:project:${key}`;
}

export type ListWhich = 'more' | 'quiet';

export function listActionId(which: ListWhich): string {
  return `overview:list:${which}`;
}
