/**
 * The parts of a digest, in the order it shows them. Their own module so the subscribe modal (built on the HTTP
 * function's ack path) can list them without loading the configuration schema (and croner with it).
 */
export const SECTIONS = ['headline', 'trend', 'changes', 'topics', 'misunderstood', 'costs'] as const;
export type Section = (typeof SECTIONS)[number];
