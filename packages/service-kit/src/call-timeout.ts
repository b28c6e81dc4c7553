// Imported by the portal's server code as @ce/service-kit/call-timeout: no imports, so the portal
// bundle pulls nothing else from service-kit.

/** How long a service call may take before the caller gives up, unless SERVICE_CALL_TIMEOUT_MS says otherwise. */
export const DEFAULT_SERVICE_CALL_TIMEOUT_MS = 10_000;

/** A service did not answer (headers and body) within the caller's timeout. */
export class ServiceCallTimeoutError extends Error {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`service call to ${url} timed out after ${timeoutMs} ms`);
    this.name = "ServiceCallTimeoutError";
  }
}

/**
 * A `fetch` for tRPC links (`httpBatchLink({ fetch })`) that aborts a call after `timeoutMs`
 * milliseconds — waiting for headers and reading the body alike — and rejects with a
 * ServiceCallTimeoutError. A signal the caller passes still aborts the call as before (that
 * rejection is the caller's own AbortError, not a timeout).
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const timedOut = (err: unknown) => (timeout.aborted && !init?.signal?.aborted ? new ServiceCallTimeoutError(url.split("?")[0] ?? url, timeoutMs) : err);
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (err) {
      throw timedOut(err);
    }
    // tRPC reads the body after this returns; the signal aborts a stalled body too, and this
    // wrapper makes that abort a ServiceCallTimeoutError as well.
    const body = response.body;
    if (!body) return response;
    const reader = body.getReader();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          controller.error(timedOut(err));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** True when `error` (or any error in its `cause` chain, e.g. a TRPCClientError's) is a call timeout. */
export function isServiceCallTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ServiceCallTimeoutError || (e as { name?: unknown }).name === "ServiceCallTimeoutError") return true;
  }
  return false;
}
