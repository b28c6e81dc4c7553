import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs; every line carries the service name, request lines the request id. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    redact: { paths: ["*.password", "*.oldPassword", "*.newPassword", "*.token", "req.headers.authorization"], censor: "[redacted]" },
  });
}
