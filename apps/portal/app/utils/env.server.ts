import { DEFAULT_SERVICE_CALL_TIMEOUT_MS } from "@ce/service-kit/call-timeout";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, parseServicePrivateKey } from "@ce/service-kit/service-auth";
import { z } from "zod";

const DEV_SESSION_SECRET = "dev-only-session-secret-change-me";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SESSION_SECRET: z.string().min(16, "must be at least 16 characters").default(DEV_SESSION_SECRET),
    IDENTITY_URL: z.url().default("http://127.0.0.1:4001/trpc"),
    HOURS_URL: z.url().default("http://127.0.0.1:4002/trpc"),
    REPORTING_URL: z.url().default("http://127.0.0.1:4003/trpc"),
    /**
     * The portal's service key (Ed25519, base64 PKCS#8 DER): every call to a service is signed
     * with it as caller "portal" for that service (the services list its public key in
     * SERVICE_AUTH_PUBLIC_KEYS). Only such a call may pass the browser's address on.
     */
    SERVICE_AUTH_PRIVATE_KEY: z
      .string()
      .default(DEV_SERVICE_AUTH_PRIVATE_KEY)
      .refine(
        (v) => {
          try {
            return Boolean(parseServicePrivateKey(v));
          } catch {
            return false;
          }
        },
        { message: "expected an Ed25519 private key as base64 PKCS#8 DER" },
      ),
    /**
     * The most rows one export (导出Excel / 导出CSV) may hold: a larger result is refused before
     * the download starts, with its count and this limit, asking for narrower filters.
     */
    EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(200_000),
    /** A service call (headers and body) taking longer is abandoned: the page says 服务响应超时. */
    SERVICE_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_SERVICE_CALL_TIMEOUT_MS),
    // Calls that read a whole uploaded file (批量导入 › 校验 and 导出失败信息 of up to 100,000 rows: ~25 s on 2 cores).
    FILE_CALL_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(1_800_000).default(300_000),
    /**
     * Which hops may set X-Forwarded-For (Express "trust proxy"): the login lockout per IP needs
     * the browser's real address. "loopback" for a proxy on this host; behind an ingress give its
     * address range (e.g. "10.0.0.0/8") or the number of proxies in front ("1").
     */
    TRUST_PROXY: z
      .string()
      .default("loopback")
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
    /**
     * Redis, as the portal's own ACL user (keys `submission:*` only): the outcome of each form
     * submission by its idempotency key (utils/submission.server.ts).
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL")
      .default("redis://127.0.0.1:6379"),
    /** Same prefix the services use for test isolation: the portal echoes it in logs and puts it before its Redis keys. */
    SUBJECT_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]*$/i, "letters, digits, _ and - only")
      .default(""),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.SESSION_SECRET !== DEV_SESSION_SECRET, {
    path: ["SESSION_SECRET"],
    message: "the development default is refused in production; set a secret of your own",
  })
  .refine((env) => env.NODE_ENV !== "production" || env.SERVICE_AUTH_PRIVATE_KEY !== DEV_SERVICE_AUTH_PRIVATE_KEY, {
    path: ["SERVICE_AUTH_PRIVATE_KEY"],
    message: "the development key is refused in production; set the portal's own key (its public half goes to the services)",
  });

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; an empty variable counts as unset. Throws naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid portal configuration:\n  ${lines.join("\n  ")}`);
  }
  return parsed.data;
}

// The only place that reads process.env; parsed once when the server starts.
export const env: Env = parseEnv(process.env);
