import { MAX_ATTACHMENT_BASE64, MAX_ATTACHMENTS_PER_DECLARATION } from "@ce/contracts";
import { z } from "zod";
import { DEV_SERVICE_AUTH_PUBLIC_KEY, includesDevServiceKey, parseServicePublicKeys, type ServicePublicKeys } from "./service-auth.ts";

/**
 * The largest legitimate request body: a declaration with its most attachments, each at the
 * largest base64 text, plus 1 MiB for the other fields and the JSON around them (≈ 28 MiB).
 */
export const DEFAULT_MAX_BODY_BYTES = MAX_ATTACHMENTS_PER_DECLARATION * MAX_ATTACHMENT_BASE64 + 1024 * 1024;

/** Variables every service reads; defaults point at the local infra so nothing needs a .env. */
export const baseEnv = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/ce"),
  /** `nats://user:password@host:port` where the server asks for a user (deploy/local/credentials.mjs). */
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s]+$/, "expected nats://host:port")
    .default("nats://127.0.0.1:4222"),
  /** `redis://user:password@host:port` where the server has ACL users. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  /**
   * Who may call this service's /trpc: `caller:<Ed25519 public key, base64 SPKI DER>` pairs
   * (comma-separated; two for one caller while rotating). The development key is refused in production.
   */
  SERVICE_AUTH_PUBLIC_KEYS: z
    .string()
    .default(`portal:${DEV_SERVICE_AUTH_PUBLIC_KEY}`)
    .transform((v, ctx): ServicePublicKeys => {
      try {
        return parseServicePublicKeys(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
  /** A /trpc request body larger than this is answered 413 before it is read (bytes). */
  SERVICE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_BODY_BYTES),
  /** Prefix for subjects, streams, consumers and Redis keys, so that test runs never collide. */
  SUBJECT_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]*$/i, "letters, digits, _ and - only")
    .default(""),
  HOST: z.string().default("127.0.0.1"),
  /** Replicas of the streams a service creates: 1 on one server, 3 in a JetStream cluster. */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** Published outbox rows are kept this long for an operator to inspect, then pruned (ADR 004). */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
  /** Inbox rows (applied event ids) are kept this long; far beyond any redelivery (ADR 004). */
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often each replica tries to prune the outbox and inbox; one at a time holds the lock. */
  EVENT_PRUNE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n  ${issues.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment with the given zod shape. A bad value throws a ConfigError that names
 * the variable, e.g. `PORT: expected number, received "abc"`; so does the development service
 * key under NODE_ENV=production.
 */
export function parseEnv<S extends z.ZodRawShape>(shape: S, env: Record<string, string | undefined> = process.env) {
  const schema = z.object(shape);
  // An empty variable means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const data = parsed.data as { NODE_ENV?: string; SERVICE_AUTH_PUBLIC_KEYS?: ServicePublicKeys };
  if (data.NODE_ENV === "production" && data.SERVICE_AUTH_PUBLIC_KEYS && includesDevServiceKey(data.SERVICE_AUTH_PUBLIC_KEYS)) {
    throw new ConfigError([
      "SERVICE_AUTH_PUBLIC_KEYS: the development key must not be accepted in production; list each caller's own public key (deploy/README.md)",
    ]);
  }
  return parsed.data;
}

/** A TCP port from an env var; 0 asks the OS for a free one (tests). */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
