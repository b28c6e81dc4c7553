import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";

export type { Logger };

/**
 * Structured JSON logs; every line carries the service name, request lines the request id.
 * `destination` (default stdout) lets a test read what would be logged.
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions<never> = {
    name: service,
    level,
    // Secrets never reach a log line, whatever object carries them (a mail's link and body hold
    // a reset token; the mailer logs a masked link instead).
    redact: {
      paths: [
        "password",
        "token",
        "link",
        "secret",
        "*.password",
        "*.oldPassword",
        "*.newPassword",
        "*.token",
        "*.link",
        "*.body",
        "*.secret",
        "*.*.token",
        "*.*.link",
        "*.*.body",
        "req.headers.authorization",
        'req.headers["x-ce-service-auth"]',
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
