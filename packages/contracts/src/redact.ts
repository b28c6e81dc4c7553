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

/**
 * A caller's network address as an admin's list shows it (接口令牌管理 › 调用记录): enough to tell
 * networks apart, not to single out a machine. IPv4 keeps its first three octets (`203.0.113.*`,
 * the /24); IPv6 its first three groups (`2001:db8:1::*`, the /48 a site is usually given); an
 * IPv4-mapped IPv6 address (`::ffff:203.0.113.5`) reads as its IPv4. Text that is neither becomes
 * "[已隐藏]"; null or "" stays null. Pure, never throws.
 */
export function maskIpAddress(address: string | null): string | null {
  if (address === null || address.trim() === "") return null;
  const a = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? `${v4[1]}.${v4[2]}.${v4[3]}.*` : "[已隐藏]";
  if (!/^[0-9a-f:]+$/i.test(a) || !a.includes(":") || (a.match(/::/g) ?? []).length > 1) return "[已隐藏]";
  const [head = "", tail = ""] = a.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = a.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = a.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return "[已隐藏]";
  return `${groups
    .slice(0, 3)
    .map((g) => g.replace(/^0+(?=.)/, "").toLowerCase())
    .join(":")}::*`;
}
