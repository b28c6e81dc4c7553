import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes this package's counts to <repo>/.test-results/<package>.json; deploy/local/test.sh sums
 * them into the single "N passed, N failed" line that closes `npm test`. A file that fails to
 * load, and an unhandled error, each count as one failure so that neither passes silently.

 */
export class CountingReporter {
  /**
   * @param {ReadonlyArray<import("vitest/node").TestModule>} modules
   * @param {ReadonlyArray<unknown>} unhandledErrors
   */
  onTestRunEnd(modules, unhandledErrors) {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of modules) {
      let cases = 0;
      for (const test of mod.children.allTests()) {
        cases++;
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (cases === 0 && mod.state() === "failed") failed++;
    }
    const root = repoRoot(process.cwd());
    const dir = path.join(root, ".test-results");
    mkdirSync(dir, { recursive: true });
    const name = path.relative(root, process.cwd()).replace(/[\\/]/g, "__") || "root";
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ passed, failed, skipped }));
  }
}

/** The monorepo root is the nearest folder with turbo.json.
 * @param {string} start */
function repoRoot(start) {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "turbo.json"))) return dir;
  }
  return start;
}
