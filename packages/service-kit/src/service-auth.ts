// The service credential: who is calling a service, proven with a shared secret per caller.
// Imports only node:crypto, so the portal can bundle it (`@ce/service-kit/service-auth`).
import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/** The request header that carries the credential. */
export const SERVICE_AUTH_HEADER = "x-ce-service-auth";

/** A credential is valid this long either side of the verifier's clock (seconds). */
export const SERVICE_AUTH_MAX_SKEW_S = 120;

/** The secret every process uses when none is configured; refused in production (config.ts). */
export const DEV_SERVICE_AUTH_SECRET = "dev-only-service-secret-change-me";

/** Accepted secrets per caller name; more than one per caller while a secret is rotated. */
export type ServiceSecrets = ReadonlyMap<string, readonly string[]>;

const CALLER = /^[a-z][a-z0-9-]{0,31}$/;

function mac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/**
 * The header value a caller sends: `v1.<caller>.<unix seconds>.<HMAC-SHA256(secret, "v1.<caller>.<seconds>")>`
 * (base64url). Valid for SERVICE_AUTH_MAX_SKEW_S around `now`; build one per outgoing request
 * batch. Throws on a caller name that is not lower-case letters, digits and dashes.
 */
export function signServiceAuth(caller: string, secret: string, now = Date.now()): string {
  if (!CALLER.test(caller)) throw new Error(`service caller name must be lower-case letters, digits and -: "${caller}"`);
  const payload = `v1.${caller}.${Math.floor(now / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/**
 * The caller a header value proves, or null: wrong shape, unknown caller, a timestamp more than
 * SERVICE_AUTH_MAX_SKEW_S away from `now`, or a MAC that matches none of the caller's secrets
 * (compared in constant time). Never throws.
 */
export function verifyServiceAuth(value: string | null | undefined, secrets: ServiceSecrets, now = Date.now()): string | null {
  if (!value || value.length > 256) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return null;
  const [, caller = "", seconds = "", given = ""] = parts;
  if (!CALLER.test(caller) || !/^\d{1,12}$/.test(seconds)) return null;
  if (Math.abs(Number(seconds) - now / 1000) > SERVICE_AUTH_MAX_SKEW_S) return null;
  const payload = `v1.${caller}.${seconds}`;
  // The MAC is compared as the exact base64url text we would send, not decoded: Node's decoder
  // skips characters outside the alphabet and ignores a last character's spare bits, so a
  // decoded comparison would accept altered headers.
  const givenBytes = Buffer.from(given, "latin1");
  for (const secret of secrets.get(caller) ?? []) {
    const expected = Buffer.from(mac(secret, payload), "latin1");
    if (expected.length === givenBytes.length && timingSafeEqual(expected, givenBytes)) return caller;
  }
  return null;
}

/**
 * Parses `SERVICE_AUTH_SECRETS`: comma-separated `caller:secret` pairs, e.g.
 * `portal:new-secret,portal:old-secret` while rotating. Throws an Error naming the bad entry
 * (secrets shorter than 16 characters are refused).
 */
export function parseServiceSecrets(text: string): ServiceSecrets {
  const map = new Map<string, string[]>();
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf(":");
    const caller = entry.slice(0, at);
    const secret = entry.slice(at + 1);
    if (at < 1 || !CALLER.test(caller)) throw new Error(`expected caller:secret pairs separated by commas, got "${entry.slice(0, 20)}…"`);
    if (secret.length < 16) throw new Error(`the secret for ${caller} must be at least 16 characters`);
    map.set(caller, [...(map.get(caller) ?? []), secret]);
  }
  if (map.size === 0) throw new Error("expected at least one caller:secret pair");
  return map;
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(a) === 4) return a.startsWith("127.");
  return a === "::1";
}

/** An IP address as given (v4 or v6), or null for anything else (a header could say anything). */
export function ipOrNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v && isIP(v) !== 0 ? v : null;
}
