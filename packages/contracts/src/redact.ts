// Secrets carried in URLs (a password-reset token in ?token=…) must never reach a log line whole:
// the one masking rule that every log writer (identity's mailer, the portal's logger) applies.

/**
 * A URL as it may appear in a log: every query value cut to its first four characters and
 * marked "…", e.g. `http://x/reset-password?token=AbCd…`; origin and path unchanged. Text that
 * does not parse as an absolute URL becomes "[redacted]"; null stays null. Never throws.
 */
export function maskUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    const masked = [...parsed.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.slice(0, 4))}…`);
    return `${parsed.origin}${parsed.pathname}${masked.length ? `?${masked.join("&")}` : ""}`;
  } catch {
    return "[redacted]";
  }
}
