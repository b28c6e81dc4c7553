import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the response being rendered (set by entry.server.tsx from
 * server.ts's load context). Undefined in the browser: by then the scripts have run.
 */
export const NonceContext = createContext<string | undefined>(undefined);

/** The nonce inline scripts must carry to pass the CSP. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
