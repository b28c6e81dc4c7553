import { describe, expect, it } from "vitest";
import { DEV_PII_ENCRYPTION_KEY, DEV_PII_INDEX_KEY } from "../config.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { createPii } from "./pii.ts";

const pii = createPii({ encryptionKey: DEV_PII_ENCRYPTION_KEY, indexKey: DEV_PII_INDEX_KEY });
const otherKeys = createPii({ encryptionKey: Buffer.alloc(32, 7).toString("base64"), indexKey: Buffer.alloc(32, 9).toString("base64") });

describe("personal data at rest", () => {
  it("decrypts what it encrypted", () => {
    expect(pii.decrypt(pii.encrypt("370102197701200001"))).toBe("370102197701200001");
    expect(pii.decrypt(pii.encrypt("手机 18700001155"))).toBe("手机 18700001155");
  });

  it("writes a versioned value with a fresh IV every time", () => {
    const a = pii.encrypt("18700001155");
    const b = pii.encrypt("18700001155");
    expect(a).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
  });

  it("refuses a tampered ciphertext or another key", () => {
    const stored = pii.encrypt("18700001155");
    const [v, iv, tag, ct] = stored.split(":") as [string, string, string, string];
    const flipped = `${v}:${iv}:${tag}:${ct.startsWith("A") ? "B" : "A"}${ct.slice(1)}`;
    expect(() => pii.decrypt(flipped)).toThrow();
    expect(() => otherKeys.decrypt(stored)).toThrow();
  });

  it("finds an ID number again through a deterministic blind index", () => {
    const index = pii.blindIndex("RESIDENT_ID", "37010219770120000X");
    expect(pii.blindIndex("RESIDENT_ID", " 37010219770120000x")).toBe(index);
    expect(pii.blindIndex("PASSPORT", "37010219770120000X")).not.toBe(index);
    expect(otherKeys.blindIndex("RESIDENT_ID", "37010219770120000X")).not.toBe(index);
    expect(index).not.toContain("370102");
  });
});

describe("password hashes", () => {
  it("are argon2id and verify only the right password", async () => {
    const hash = await hashPassword("Ce123456");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Ce123456")).toBe(true);
    expect(await verifyPassword(hash, "ce123456")).toBe(false);
    expect(await verifyPassword(null, "Ce123456")).toBe(false);
  });
});
