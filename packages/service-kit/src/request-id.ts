import { randomUUID } from "node:crypto";

/** What a caller's x-request-id may look like to be kept: 8–128 of letters, digits, `_`, `.` and `-`. */
const REQUEST_ID = /^[\w.-]{8,128}$/;

/**
 * The request id a service, the portal and reporting's HTTP API log and store for one request: the
 * caller's x-request-id when it looks like one, otherwise a new UUID — so no caller puts 6,000
 * characters, markup or spaces into the logs, the audit rows or 调用记录 (break-it probe: the
 * API stored any header as it came).
 */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
