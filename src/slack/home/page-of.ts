/**
 * A section's page of the App Home: the page its "Next page" cursor names, or the first when there is none or the
 * store refuses it (`bad_cursor`: the list changed, or the cursor was forged). Every section that pages reads with it.
 */
import { isStoreError, type PageRequest } from '../../store/store.ts';
import type { HomeContext } from './sections.ts';

export async function homePageOf<T>(
  home: Pick<HomeContext, 'pages'>,
  id: string,
  limit: number,
  list: (page: PageRequest) => Promise<T>,
): Promise<T> {
  const cursor = home.pages[id];
  try {
    return await list({ limit, ...(cursor ? { cursor } : {}) });
  } catch (error) {
    if (!cursor || !isStoreError(error, 'bad_cursor')) throw error;
    return list({ limit });
  }
}
