import { baseEnv, ConfigError, parseEnv, port } from "@ce/service-kit";
import { z } from "zod";

export const SCHEMA = "identity";

/** Fixed development keys so a fresh checkout starts without secrets; refused in production. */
export const DEV_PII_ENCRYPTION_KEY = "IgvnmpkeUNqWCaa+CdXJIShcjKxtQxayKTPBvXsrey0=";
export const DEV_PII_INDEX_KEY = "qljaQyY4qrYCwEVKYGc9ffRjgM9q9L/6FNtMulTuZhU=";

/** A 32-byte key written as base64 (standard or url-safe alphabet). */
const key32 = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32, "expected 32 bytes in base64 (openssl rand -base64 32)");

export const configShape = {
  ...baseEnv,
  PORT: port(4001),
  PII_ENCRYPTION_KEY: key32.default(DEV_PII_ENCRYPTION_KEY),
  PII_INDEX_KEY: key32.default(DEV_PII_INDEX_KEY),
  /**
   * How mail leaves the service: `log` (development: a masked log line and the development
   * mailbox), `file` (an .eml file per mail in MAIL_DIR; what `npm start` uses) or `smtp`
   * (SMTP_URL). See src/mail/mailer.ts.
   */
  MAIL_TRANSPORT: z.enum(["log", "file", "smtp"]).default("log"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_DIR: z.string().optional(),
  MAIL_FROM: z.string().min(3).default("专业技术人员继续教育公共服务平台 <no-reply@localhost>"),
  /** Where the portal answers; password-reset links point there. */
  PORTAL_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  /** 批量导入: data rows per batch (one transaction each: accounts, professionals, outbox rows, progress). */
  IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(10_000).default(1_000),
};
export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env?: Record<string, string | undefined>) {
  const config = parseEnv(configShape, env);
  if (config.MAIL_TRANSPORT === "smtp" && !config.SMTP_URL)
    throw new ConfigError(["SMTP_URL: required when MAIL_TRANSPORT is smtp (smtps://user:password@host:465)"]);
  if (config.MAIL_TRANSPORT === "file" && !config.MAIL_DIR)
    throw new ConfigError(["MAIL_DIR: required when MAIL_TRANSPORT is file (a directory for .eml files)"]);
  if (config.NODE_ENV === "production") {
    const issues: string[] = [];
    if (config.PII_ENCRYPTION_KEY === DEV_PII_ENCRYPTION_KEY)
      issues.push("PII_ENCRYPTION_KEY: the development key must not be used in production; set a random key (openssl rand -base64 32)");
    if (config.PII_INDEX_KEY === DEV_PII_INDEX_KEY)
      issues.push("PII_INDEX_KEY: the development key must not be used in production; set a random key (openssl rand -base64 32)");
    if (issues.length > 0) throw new ConfigError(issues);
  }
  return { ...config, PORTAL_URL: config.PORTAL_URL.replace(/\/+$/, "") };
}
