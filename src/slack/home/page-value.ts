/**
 * The value an App Home "Next page" button carries: which section, and where its next page starts (a store cursor,
 * checked again by the store). It comes back through Slack, so it is read with a schema.
 */
import * as z from 'zod/mini';
import { parseJsonAs } from '../../json.ts';

export const HomePage = z.object({
  section: z.string().check(z.regex(/^[a-z-]{1,30}$/)),
  cursor: z.string().check(z.minLength(1), z.maxLength(1500)),
});
export type HomePage = z.infer<typeof HomePage>;

export const encodeHomePage = (page: HomePage): string => JSON.stringify(page);
export const decodeHomePage = (text: string): HomePage | undefined => parseJsonAs(HomePage, text.slice(0, 2000));
