import { baseEnv, ConfigError, parseEnv, port } from "@ce/service-kit";
import { z } from "zod";

export const SCHEMA = "reporting";

/**
 * identity's development blind-index key (services/identity/src/config.ts DEV_PII_INDEX_KEY), so
 * a fresh checkout finds people by 证件号 without secrets; refused in production.
 */
export const DEV_PII_INDEX_KEY = "qljaQyY4qrYCwEVKYGc9ffRjgM9q9L/6FNtMulTuZhU=";

export const configShape = {
  ...baseEnv,
  PORT: port(4003),
  /**
   * identity's PII_INDEX_KEY (the same value): 学习记录验证 and 专业技术人员信息查询 turn a typed
   * 证件号 into the blind index the professional events carry (ADR 013). Reporting holds no
   * encryption key and never a clear ID number.
   */
  PII_INDEX_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32, "expected 32 bytes in base64 (openssl rand -base64 32)")
    .default(DEV_PII_INDEX_KEY),
  /** Where the portal answers (as identity's PORTAL_URL): a 学时证明's QR code points to {PORTAL_URL}/verify/<code>. */
  PORTAL_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
};
export type Config = ReturnType<typeof loadConfig>;

/** The service's configuration; ConfigError for a bad variable or the development index key in production. */
export function loadConfig(env?: Record<string, string | undefined>) {
  const config = parseEnv(configShape, env);
  if (config.NODE_ENV === "production" && config.PII_INDEX_KEY === DEV_PII_INDEX_KEY) {
    throw new ConfigError(["PII_INDEX_KEY: the development key must not be used in production; set identity's key (deploy/README.md)"]);
  }
  return { ...config, PORTAL_URL: config.PORTAL_URL.replace(/\/+$/, "") };
}
