import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isLegacyDataRequest, logLegacyData } from "./utils/legacy-data.server.ts";
import { logError } from "./utils/log.server.ts";
import { NonceContext } from "./utils/nonce.ts";

// Single fetch aborts a render after this long; streamed promises must settle before it.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.ts puts the same nonce into this response's Content-Security-Policy header.
  const nonce = loadContext.cspNonce;
  // Crawlers get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, Remix's handleError logs them.
          if (shellRendered) logError("render failed", error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Remix's error hook: whatever failed while answering `request`, logged once (level 50 with its stack) unless nobody's fault. */
export function handleError(error: unknown, { request }: { request: Request }) {
  // An aborted request (the browser went away) is not an error of ours.
  if (request.signal.aborted) return;
  // Remix's warning about an old client's ?_data= request is nobody's fault: one level-30 line, no stack.
  // (server.ts answers those before Remix; only the Vite dev server lets one through.)
  if (isLegacyDataRequest(request.url)) return logLegacyData(request);
  logError("request failed", error, { url: request.url });
}
