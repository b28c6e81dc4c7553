import { ConfigError } from "@ce/service-kit";
import { generateServiceKeyPair } from "@ce/service-kit/service-auth";
import { describe, expect, it } from "vitest";
import { DEV_PII_INDEX_KEY, loadConfig } from "./config.ts";

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");

// Issue 8 fault 4's kind, in reporting: development defaults work on a fresh checkout, and none
// of them (the blind-index key, the development service key) is accepted in production.
describe("reporting configuration", () => {
  it("starts with local defaults and no environment at all, the development index key among them", () => {
    expect(loadConfig({})).toMatchObject({ PORT: 4003, NODE_ENV: "development", PII_INDEX_KEY: DEV_PII_INDEX_KEY });
  });

  it("refuses the development index key in production, naming the variable, and takes identity's real one", () => {
    const production = { NODE_ENV: "production", SERVICE_AUTH_PUBLIC_KEYS: `portal:${generateServiceKeyPair().publicKey}` };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/PII_INDEX_KEY/);
    expect(() => loadConfig({ ...production, PII_INDEX_KEY: DEV_PII_INDEX_KEY })).toThrow(/PII_INDEX_KEY/);
    expect(loadConfig({ ...production, PII_INDEX_KEY: key(2) })).toMatchObject({ NODE_ENV: "production", PII_INDEX_KEY: key(2) });
  });

  it("refuses the development service key in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", PII_INDEX_KEY: key(2) })).toThrow(/SERVICE_AUTH_PUBLIC_KEYS/);
  });

  it.each(["c2hvcnQ=", "not base64!", key(2).slice(0, 20)])("refuses an index key that is not 32 bytes of base64 (%j)", (bad) => {
    expect(() => loadConfig({ PII_INDEX_KEY: bad })).toThrow(/PII_INDEX_KEY/);
  });
});
