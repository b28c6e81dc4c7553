import { maskUrl } from "@ce/contracts";

/**
 * Structured log lines (one JSON object per line on stderr), the same shape the services'
 * pino loggers write, so one collector reads both. The portal logs only what goes wrong (50), what
 * it refused (40) and requests it turned away as nobody's fault (30).
 */

// A request URL may carry a secret (/reset-password?token=…): logged with its query masked.
function masked(fields: Record<string, unknown>): Record<string, unknown> {
  return typeof fields.url === "string" ? { ...fields, url: maskUrl(fields.url) } : fields;
}

export function logError(msg: string, error: unknown, fields: Record<string, unknown> = {}) {
  const err =
    error instanceof Error ? { type: error.name, message: error.message, stack: error.stack, cause: describeCause(error.cause) } : { message: String(error) };
  process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), name: "portal", msg, ...masked(fields), err })}\n`);
}

/** Something worth knowing that is nobody's fault (level 30): no stack, nothing to page anyone about. */
export function logInfo(msg: string, fields: Record<string, unknown> = {}) {
  process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), name: "portal", msg, ...masked(fields) })}\n`);
}

export function logWarn(msg: string, fields: Record<string, unknown> = {}) {
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), name: "portal", msg, ...masked(fields) })}\n`);
}

function describeCause(cause: unknown) {
  if (cause instanceof Error) return { type: cause.name, message: cause.message };
  return cause === undefined ? undefined : String(cause);
}
