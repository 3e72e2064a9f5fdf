/**
 * The word for "every project this channel may see" (`/chatdash stats all`, `projects: all`). Its own module so the
 * HTTP function can use it without loading the configuration schema (and croner with it).
 */
export const ALL_PROJECTS = 'all';
