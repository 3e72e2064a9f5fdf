/** Whether running something refuses its page cursor (a `StoreError('bad_cursor')`), for the cursor tests. */
import { isStoreError } from '../../src/store/store.ts';

export function refusesCursor(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return isStoreError(error, 'bad_cursor');
  }
}
