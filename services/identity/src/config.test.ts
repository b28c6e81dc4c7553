import { ConfigError } from "@ce/service-kit";
import { generateServiceKeyPair } from "@ce/service-kit/service-auth";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");

describe("identity configuration", () => {
  it("starts with local defaults and no environment at all", () => {
    expect(loadConfig({})).toMatchObject({ PORT: 4001, MAIL_TRANSPORT: "log", PORTAL_URL: "http://localhost:3000" });
  });

  it("refuses the development PII keys in production, naming the variable", () => {
    const production = { NODE_ENV: "production", SERVICE_AUTH_PUBLIC_KEYS: `portal:${generateServiceKeyPair().publicKey}` };
    expect(() => loadConfig({ ...production, PII_INDEX_KEY: key(2) })).toThrow(/PII_ENCRYPTION_KEY/);
    expect(() => loadConfig({ ...production, PII_ENCRYPTION_KEY: key(1) })).toThrow(/PII_INDEX_KEY/);
    expect(loadConfig({ ...production, PII_ENCRYPTION_KEY: key(1), PII_INDEX_KEY: key(2) }).NODE_ENV).toBe("production");
  });

  it("refuses a key that is not 32 bytes of base64", () => {
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(ConfigError);
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/PII_ENCRYPTION_KEY/);
  });

  it("refuses an unknown mail transport", () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: "pigeon" })).toThrow(/MAIL_TRANSPORT/);
  });
});
