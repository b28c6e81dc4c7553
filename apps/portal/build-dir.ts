/**
 * Where `remix vite:build` writes the portal and where server.ts serves it from, relative to
 * apps/portal: `build` unless PORTAL_BUILD_DIR names another directory. The browser tests build into
 * their own (build-e2e) so that rebuilding never swaps the JS chunks under a portal started by
 * `npm start`, whose pages would then point at chunks that are gone (404, no hydration). Only a
 * plain directory name is accepted (letters, digits, . _ -; not "." or ".."): raises otherwise.
 */
export const E2E_BUILD_DIR = "build-e2e";

export function portalBuildDir(env: Record<string, string | undefined> = process.env): string {
  const name = env.PORTAL_BUILD_DIR?.trim() || "build";
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name === "." || name === "..")
    throw new Error(`PORTAL_BUILD_DIR must be a directory name inside apps/portal, got ${JSON.stringify(name)}`);
  return name;
}
