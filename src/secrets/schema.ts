/**
 * The secret's shape. Its own module so that the HTTP function loads zod only when it reads Secrets Manager
 * (in AWS, once per container), never on the local or warm ack path.
 */
import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.minLength(1));
export const Secrets = z.object({
  slackSigningSecret: nonEmpty,
  slackBotToken: nonEmpty,
  chatdashApiKey: nonEmpty,
});
export type Secrets = z.infer<typeof Secrets>;

/** The secrets, or the names of the keys that are missing or empty (never their values). */
export function parseSecrets(json: unknown): { ok: true; secrets: Secrets } | { ok: false; badKeys: string[] } {
  const parsed = z.safeParse(Secrets, json);
  if (parsed.success) return { ok: true, secrets: parsed.data };
  return { ok: false, badKeys: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '(root)')))] };
}
