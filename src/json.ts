/** Parsing untrusted JSON text (button values, private_metadata, stored files) straight into a zod schema, never throwing. */
import * as z from 'zod/mini';

/** JSON text checked against a schema: the value, or undefined for text that isn't JSON or doesn't fit. */
export function parseJsonAs<T extends z.core.$ZodType>(schema: T, text: string): z.output<T> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = z.safeParse(schema, json);
  return parsed.success ? parsed.data : undefined;
}
