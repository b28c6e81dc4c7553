import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { IdType } from "@ce/contracts";
import { normalizeIdNumber } from "../domain/id-number.ts";

const FORMAT = "v1";
const IV_BYTES = 12;

/**
 * Personal data at rest: ID numbers and phones are stored encrypted (AES-256-GCM, a fresh IV
 * per value) and found again through a keyed blind index, so a database dump reveals neither
 * the numbers nor (without the index key) whether a given number is registered.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(idType: IdType, idNumber: string): string;
}

export function createPii(keys: { encryptionKey: string; indexKey: string }): Pii {
  const encKey = decodeKey(keys.encryptionKey, "encryption");
  const indexKey = decodeKey(keys.indexKey, "index");
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
    },
    decrypt(stored) {
      const [format, iv, tag, ct] = stored.split(":");
      if (format !== FORMAT || iv === undefined || tag === undefined || ct === undefined) throw new Error("unknown ciphertext format");
      const decipher = createDecipheriv("aes-256-gcm", encKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
    },
    blindIndex(idType, idNumber) {
      return createHmac("sha256", indexKey)
        .update(`${idType}:${normalizeIdNumber(idType, idNumber)}`)
        .digest("base64url");
    },
  };
}

function decodeKey(base64: string, what: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error(`PII ${what} key must be 32 bytes`);
  return key;
}

/**
 * The blind indexes of one normalised number under every 证件类型: an identifier is one person
 * whatever type it was entered under, so "is this number registered" asks for all of them (the
 * index itself stays keyed by type: logins and the events' idNumberHash use it). Six HMACs.
 */
export function blindIndexesOfNumber(pii: Pick<Pii, "blindIndex">, idNumber: string): string[] {
  return IdType.options.map((idType) => pii.blindIndex(idType, idNumber));
}
