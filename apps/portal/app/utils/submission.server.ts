import { createHash } from "node:crypto";
import { storedJson } from "@ce/contracts";
import { Redis } from "ioredis";
import { z } from "zod";
import { env } from "./env.server.ts";

/**
 * Idempotent form submissions (issue 13.4): every form the shared Form component renders with a
 * method other than GET carries a key of its own (SUBMISSION_FIELD: a fresh root-loader nonce and
 * the form's React id), and formAction records what became of it here, per browser session. A
 * second submit with the same key — a double click, back-and-resubmit — gets the first one's
 * redirect and flash instead of reaching the service again.
 */

/** The hidden input's name (components/Form.tsx renders it; that module cannot import this one). */
export const SUBMISSION_FIELD = "_submission";

/** A key as the Form component makes it: nonce, a dash, React's id. */
const SubmissionKey = z.string().regex(/^[A-Za-z0-9:_«»-]{8,120}$/);

/** How long an outcome is kept: longer than anyone presses back and submits again. */
const OUTCOME_TTL_S = 60 * 60;
/** A claim whose request died (process stopped) frees itself after this. */
const PENDING_TTL_S = 120;

/** What a repeat is answered with: the first submit's redirect and its flash. */
export const SubmissionOutcome = z.object({
  location: z.string().min(1).max(2000),
  flash: z.object({ tone: z.enum(["success", "info"]), message: z.string().min(1).max(500) }).nullable(),
});
export type SubmissionOutcome = z.infer<typeof SubmissionOutcome>;

const Stored = z.union([z.object({ state: z.literal("pending") }), z.object({ state: z.literal("done"), outcome: SubmissionOutcome })]);

let client: Redis | null = null;
function redis(): Redis {
  client ??= new Redis(env.REDIS_URL, { keyPrefix: env.SUBJECT_PREFIX ? `${env.SUBJECT_PREFIX}:` : "", maxRetriesPerRequest: 2, lazyConnect: false });
  return client;
}

/** One submission of one session: the token is hashed, so Redis never holds it. */
export interface SubmissionSlot {
  redisKey: string;
}

/** The submission a form's key names in this session, or null for a form without (a valid) key or a visitor without session. */
export function submissionOf(form: FormData, sessionToken: string | null): SubmissionSlot | null {
  const key = SubmissionKey.safeParse(form.get(SUBMISSION_FIELD));
  if (!key.success || !sessionToken) return null;
  const session = createHash("sha256").update(sessionToken).digest("base64url");
  return { redisKey: `submission:${session}:${key.data}` };
}

export type Claim = { kind: "first" } | { kind: "done"; outcome: SubmissionOutcome } | { kind: "pending" };

/**
 * Claims a submission (SET NX with a short TTL): "first" when nobody has, else what the first
 * submit left — its outcome, or "pending" while it still runs (waited for up to `waitMs`, in
 * steps of 100 ms, since a double click's second request arrives while the first is at the service).
 */
export async function claimSubmission(s: SubmissionSlot, waitMs = 5_000): Promise<Claim> {
  const r = redis();
  if ((await r.set(s.redisKey, JSON.stringify({ state: "pending" }), "EX", PENDING_TTL_S, "NX")) === "OK") return { kind: "first" };
  for (let waited = 0; ; waited += 100) {
    const raw = await r.get(s.redisKey);
    const stored = storedJson(Stored, raw);
    if (stored?.state === "done") return { kind: "done", outcome: stored.outcome };
    if (raw === null) return claimSubmission(s, Math.max(0, waitMs - waited));
    if (waited >= waitMs) return { kind: "pending" };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records the first submit's outcome for its repeats (a redirect and its flash). */
export async function settleSubmission(s: SubmissionSlot, outcome: SubmissionOutcome): Promise<void> {
  await redis().set(s.redisKey, JSON.stringify({ state: "done", outcome }), "EX", OUTCOME_TTL_S);
}

/** Frees the key when the first submit did not succeed (refused, failed): corrected, it may be sent again. */
export async function releaseSubmission(s: SubmissionSlot): Promise<void> {
  await redis().del(s.redisKey);
}
