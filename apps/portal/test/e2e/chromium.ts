// Debian's Chromium for the browser tests (never a downloaded browser; STACK.md): one launch for every file.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** The flags this machine needs: no sandbox as root, and no background calls to a closed network. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts headless /usr/bin/chromium (zh-CN) in a fresh profile folder under the temp dir named
 * `<label>…`, with a 15 s default timeout on its first page. The caller closes `context` and
 * removes `profileDir`.
 */
export async function launchChromium(
  label: string,
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page; profileDir: string }> {
  const profileDir = await mkdtemp(path.join(tmpdir(), label));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    locale: "zh-CN",
    viewport,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return { context, page, profileDir };
}

/**
 * Leaves the open page for about:blank, then drops every cookie: a request the old page still had
 * in flight (a captcha image, a revalidation) can no longer arrive without cookies and be handed a
 * new CSRF cookie that overrides the one the next page is rendered with (its form would then be
 * refused as 页面已过期).
 */
export async function forgetSession(page: Page): Promise<void> {
  await page.goto("about:blank");
  await page.context().clearCookies();
}
