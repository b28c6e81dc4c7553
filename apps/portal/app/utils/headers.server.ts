import type { HelmetOptions } from "helmet";

/**
 * The security headers of every portal response (pages, error pages, downloads, assets), set by
 * `helmet` in server.ts. The Content-Security-Policy allows scripts and styles only from the
 * portal itself or carrying this response's nonce (Remix's inline hydration scripts get it
 * through entry.server.tsx and root.tsx); images also from data: URLs (the captcha). Framing is
 * refused (frame-ancestors 'none' and X-Frame-Options DENY: 审核/审批 buttons must not be
 * clickjacked). Referrer-Policy same-origin: other sites get no referrer, while the portal's own
 * POSTs keep a real Origin header for the CSRF check (no-referrer would turn it into "null").
 *
 * `https` is whether this response goes out over HTTPS (req.secure, which honours
 * X-Forwarded-Proto behind TRUST_PROXY): only then HSTS and upgrade-insecure-requests, which
 * would make a plain-HTTP intranet portal unreachable.
 */
export function helmetOptions(nonceOf: (res: unknown) => string, https: boolean): Readonly<HelmetOptions> {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${nonceOf(res)}'`;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", nonce],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", nonce],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // The captcha and attachments are same-origin images; nothing is embedded from elsewhere.
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * One rule for every cookie the portal sets (session, flash, CSRF): `Secure` exactly when the
 * response goes out over HTTPS (`https` as for helmetOptions). A Secure cookie sent over plain HTTP
 * is dropped by the browser — on a LAN demo or an intranet without TLS, sign-in would then fail
 * silently — and a cookie over HTTPS must never travel unencrypted later. Returns `setCookie` with
 * its Secure attribute added or removed; other attributes are kept as they are.
 */
export function cookieForTransport(setCookie: string, https: boolean): string {
  const parts = setCookie.split(";").map((p) => p.trim());
  const [pair = "", ...attributes] = parts;
  const kept = attributes.filter((a) => a !== "" && a.toLowerCase() !== "secure");
  return [pair, ...kept, ...(https ? ["Secure"] : [])].join("; ");
}
