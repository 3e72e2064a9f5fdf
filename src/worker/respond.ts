/** Slack response_url delivery: a plain JSON POST (no token; the URL itself is the capability). */
export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  /** The HTTP status Slack answered with, when it answered. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export function createResponder(fetchImpl: typeof fetch = fetch, timeoutMs = 5000) {
  return async (responseUrl: string, message: Record<string, unknown>): Promise<void> => {
    let response: Response;
    try {
      response = await fetchImpl(responseUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Never echo the URL: it lets anyone post into the conversation for 30 minutes.
      throw new ResponseUrlError(`response_url POST failed (${error instanceof Error ? error.name : 'error'})`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new ResponseUrlError(`response_url POST answered HTTP ${response.status}`, response.status);
  };
}
