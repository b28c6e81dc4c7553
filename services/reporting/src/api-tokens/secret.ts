import { createHash, randomBytes } from "node:crypto";

/** Every token secret starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "cet_";
/** The characters of a secret shown in lists (prefix + 8), enough to tell a unit's tokens apart. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;

/**
 * A new token secret: "cet_" + 32 random bytes (256 bits) in base64url (43 characters), with the
 * part lists show and the hash that is stored. The secret itself is returned once and never kept.
 */
export function newTokenSecret(): { secret: string; prefix: string; hash: Buffer } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SHOWN_CHARS), hash: hashTokenSecret(secret) };
}

/**
 * The stored form of a secret: SHA-256 of its UTF-8 bytes (32 bytes). A fast, unsalted hash is
 * enough here, unlike for passwords (argon2id): the secret is 256 random bits, so guessing it from
 * the hash is as hopeless as guessing it outright, and a slow or salted hash would only cost
 * ~9 ms per API call and rule out finding the token by an indexed lookup of its hash.
 */
export function hashTokenSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/** Whether a presented string can be a secret at all (checked before any query): "cet_" + 43 base64url characters. */
export function looksLikeTokenSecret(s: string): boolean {
  return /^cet_[A-Za-z0-9_-]{43}$/.test(s);
}
