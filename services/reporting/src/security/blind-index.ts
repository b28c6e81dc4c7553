import { createHmac } from "node:crypto";
import { IdType, normalizeIdentifier } from "@ce/contracts";

/**
 * The blind indexes a typed 证件号 may have: identity's HMAC-SHA256 of "<idType>:<normalised
 * number>" under PII_INDEX_KEY (services/identity/src/security/pii.ts `blindIndex`, normalised by
 * contracts' normalizeIdentifier), base64url, once per ID type — reporting's replica does not
 * keep the type, so a number is looked up under every type. Pure given the key; the number is
 * neither kept nor logged.
 */
export function createBlindIndexes(indexKey: string): (idNumber: string) => string[] {
  const key = Buffer.from(indexKey, "base64");
  return (idNumber) => {
    const normalised = normalizeIdentifier(idNumber);
    return IdType.options.map((t) => createHmac("sha256", key).update(`${t}:${normalised}`).digest("base64url"));
  };
}
