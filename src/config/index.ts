export type { Config, ProjectConfig, SubscriptionConfig, ChannelBinding, Section, CurrencyDisplay, Defaults } from './schema.ts';
export { SECTIONS, CURRENCY_DISPLAYS } from './schema.ts';
export { parseConfig, loadConfigFile, ConfigError, type ConfigProblem } from './load.ts';
export { checkAccess, findProject, projectsForChannel, type AccessDecision, type AccessRequest } from './access.ts';
export { resolveSubscription, findSubscription, type ResolvedSubscription } from './resolve.ts';
export { suggest } from './suggest.ts';
export { DEMO_CONFIG_PATH } from './demo.ts';
