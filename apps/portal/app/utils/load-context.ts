// What server.ts hands every loader and action of one request (see getLoadContext there).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The browser's address as Express sees it (trust proxy: loopback). */
    clientIp?: string;
    /** Correlates this request's service calls in the logs (the caller's x-request-id, or new). */
    requestId?: string;
  }
}

export {};
