// What server.ts hands every loader and action of one request (see getLoadContext there).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The browser's address as Express sees it (trust proxy: loopback). */
    clientIp?: string;
    /** Correlates this request's service calls in the logs (the caller's x-request-id, or new). */
    requestId?: string;
    /** This response's Content-Security-Policy nonce; inline scripts carry it (entry.server.tsx, root.tsx). */
    cspNonce?: string;
    /** This browser's CSRF token, rendered into every form by the shared Form component (csrf.server.ts). */
    csrfToken?: string;
    /**
     * Set by server.ts only when its wall (CSRF, origin, body size) refused a request made by
     * Remix's own fetch: routes/refusal.ts then answers it as Remix would, so the page shows this.
     */
    refusal?: { status: number; message: string };
  }
}

export {};
