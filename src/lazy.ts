/**
 * A value made once, on first use, and shared by every later call (per Lambda container). A failed attempt
 * is not kept: the next call tries again, so a passing outage (Secrets Manager, DynamoDB) doesn't stick.
 */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
