import type { HeadersFunction } from "@remix-run/node";

/**
 * A page route's `headers` export that sends the headers its loader set (e.g. `Cache-Control:
 * no-store` on a page answering a one-time link or a proof's code). Remix applies a document
 * route's loader headers only through this export: without it they are silently dropped
 * (route-headers.test.ts checks every page route that sets headers has it).
 */
export const loaderHeaders: HeadersFunction = ({ loaderHeaders: fromLoader, errorHeaders }) => errorHeaders ?? fromLoader;
