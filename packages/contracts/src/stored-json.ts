import type { z } from "zod";

/**
 * The value a stored JSON text holds (a session, a draft, a reset token's claim, a submission's
 * outcome, a dev mail — what we wrote to Redis or a cookie ourselves), checked against `schema`:
 * its parsed output, or null when `text` is null, not JSON, or not of the schema's shape. What
 * we wrote can still be stale (an older shape after a deploy) or tampered with, so it is never
 * cast. Raises nothing.
 */
export function storedJson<S extends z.ZodType>(schema: S, text: string | null | undefined): z.output<S> | null {
  if (text == null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
