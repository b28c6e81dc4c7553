// The service credential: who is calling a service, proven with an Ed25519 signature per caller.
// A service holds only the callers' PUBLIC keys, so no service (nor anyone who steals one) can
// sign as the portal. Imports only node:crypto and node:net, so the portal can bundle it
// (`@ce/service-kit/service-auth`). See docs/decisions/009.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from "node:crypto";
import { isIP } from "node:net";

/** The request header that carries the credential. */
export const SERVICE_AUTH_HEADER = "x-ce-service-auth";

/** A credential expires this long after it was issued (seconds). */
export const SERVICE_AUTH_MAX_AGE_S = 60;

/** A credential issued up to this far in the verifier's future is still taken (clock skew, seconds). */
export const SERVICE_AUTH_MAX_SKEW_S = 30;

/**
 * The development key pair (base64 DER: PKCS#8 private, SPKI public). Public in this repository,
 * so it proves nothing: what every process uses when none is configured, refused under
 * NODE_ENV=production (service-kit config.ts, the portal's env.server.ts).
 */
export const DEV_SERVICE_AUTH_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIOpB+zjCX9nDu6cvkTtbKVJvF1cxgABcakB/KLxiw32c";
export const DEV_SERVICE_AUTH_PUBLIC_KEY = "MCowBQYDK2VwAyEAa2wznQnweLgjRHxOGL8fz+ZPumrPQwWRSaqvNsNwnnA=";

/** Accepted public keys per caller name; more than one per caller while a key is rotated. */
export type ServicePublicKeys = ReadonlyMap<string, readonly KeyObject[]>;

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

/** A fresh Ed25519 key pair as base64 DER text (`privateKey` PKCS#8, `publicKey` SPKI). */
export function generateServiceKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  };
}

const privateKeys = new Map<string, KeyObject>();

/**
 * An Ed25519 private key from base64 PKCS#8 DER (`openssl genpkey -algorithm ed25519 -outform DER
 * | base64 -w0`), parsed once per text. Throws an Error (without the key) for anything else.
 */
export function parseServicePrivateKey(text: string): KeyObject {
  const cached = privateKeys.get(text);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error("expected an Ed25519 private key as base64 PKCS#8 DER");
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error("expected an Ed25519 private key as base64 PKCS#8 DER");
  privateKeys.set(text, key);
  return key;
}

function parsePublicKey(text: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("not Ed25519");
  return key;
}

/**
 * The header value a caller sends to one service: `v2.<caller>.<audience>.<unix seconds>.<nonce>.<sig>`,
 * `sig` the Ed25519 signature (base64url) of everything before it, `nonce` 16 random bytes
 * (base64url). Valid for SERVICE_AUTH_MAX_AGE_S from `now`, for that audience only, once (the
 * verifier remembers nonces). Build one per request batch. Throws on a caller or audience that
 * is not lower-case letters, digits and dashes, or a key that is not Ed25519.
 */
export function signServiceAuth(opts: { caller: string; audience: string; privateKey: string | KeyObject }, now = Date.now()): string {
  const { caller, audience } = opts;
  if (!NAME.test(caller) || !NAME.test(audience)) throw new Error(`service names must be lower-case letters, digits and -: "${caller}" → "${audience}"`);
  const key = typeof opts.privateKey === "string" ? parseServicePrivateKey(opts.privateKey) : opts.privateKey;
  const payload = `v2.${caller}.${audience}.${Math.floor(now / 1000)}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${sign(null, Buffer.from(payload), key).toString("base64url")}`;
}

/**
 * Nonces of credentials already taken, each kept until its credential expires, so a captured
 * header is refused when replayed to the same process. At most `capacity` live entries; when
 * full, new credentials are refused (fail closed) until some expire.
 */
export class NonceCache {
  private readonly until = new Map<string, number>();
  constructor(private readonly capacity = 100_000) {}

  /** True if `nonce` is new (and now remembered until `expiresAtS`, unix seconds); false for a replay or a full cache. */
  claim(nonce: string, expiresAtS: number, nowS: number): boolean {
    if (this.until.has(nonce)) return false;
    if (this.until.size >= this.capacity) this.prune(nowS);
    if (this.until.size >= this.capacity) return false;
    this.until.set(nonce, expiresAtS);
    return true;
  }

  private prune(nowS: number) {
    for (const [nonce, until] of this.until) if (until < nowS) this.until.delete(nonce);
  }
}

/**
 * The caller a header value proves to the service named `audience`, or null: wrong shape, another
 * audience, issued more than SERVICE_AUTH_MAX_AGE_S ago or more than SERVICE_AUTH_MAX_SKEW_S
 * ahead of `now`, a signature that verifies under none of the caller's listed public keys, a
 * non-canonical signature text, or a nonce `nonces` has already seen. Never throws.
 */
export function verifyServiceAuth(
  value: string | null | undefined,
  opts: { audience: string; keys: ServicePublicKeys; nonces?: NonceCache },
  now = Date.now(),
): string | null {
  if (!value || value.length > 256) return null;
  const parts = value.split(".");
  if (parts.length !== 6 || parts[0] !== "v2") return null;
  const [, caller = "", audience = "", seconds = "", nonce = "", signature = ""] = parts;
  if (!NAME.test(caller) || audience !== opts.audience || !/^\d{1,12}$/.test(seconds) || !NONCE.test(nonce)) return null;
  const nowS = now / 1000;
  const issued = Number(seconds);
  if (issued > nowS + SERVICE_AUTH_MAX_SKEW_S || issued < nowS - SERVICE_AUTH_MAX_AGE_S) return null;
  // The exact base64url text we would send: Node's decoder ignores a last character's spare bits.
  const sig = SIGNATURE.test(signature) ? Buffer.from(signature, "base64url") : null;
  if (!sig || sig.toString("base64url") !== signature) return null;
  const payload = Buffer.from(value.slice(0, value.length - signature.length - 1));
  const signed = (opts.keys.get(caller) ?? []).some((key) => {
    try {
      return verify(null, payload, key, sig);
    } catch {
      return false;
    }
  });
  if (!signed) return null;
  if (opts.nonces && !opts.nonces.claim(`${caller}.${nonce}`, issued + SERVICE_AUTH_MAX_AGE_S, Math.floor(nowS))) return null;
  return caller;
}

/**
 * Parses `SERVICE_AUTH_PUBLIC_KEYS`: comma-separated `caller:<base64 SPKI DER Ed25519 public key>`
 * pairs, e.g. `portal:<new>,portal:<old>` while rotating. Throws an Error naming the bad entry.
 */
export function parseServicePublicKeys(text: string): ServicePublicKeys {
  const map = new Map<string, KeyObject[]>();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(":");
    const caller = entry.slice(0, at);
    if (at < 1 || !NAME.test(caller)) throw new Error(`expected caller:public-key pairs separated by commas, got "${entry.slice(0, 20)}…"`);
    let key: KeyObject;
    try {
      key = parsePublicKey(entry.slice(at + 1));
    } catch {
      throw new Error(`the key for ${caller} is not an Ed25519 public key as base64 SPKI DER`);
    }
    map.set(caller, [...(map.get(caller) ?? []), key]);
  }
  if (map.size === 0) throw new Error("expected at least one caller:public-key pair");
  return map;
}

/** True if any listed key is the development public key (refused in production). */
export function includesDevServiceKey(keys: ServicePublicKeys): boolean {
  const dev = parsePublicKey(DEV_SERVICE_AUTH_PUBLIC_KEY);
  return [...keys.values()].flat().some((k) => k.equals(dev));
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
