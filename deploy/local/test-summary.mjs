// Sums the counts each workspace's test reporter wrote to .test-results/ into the one line
// that closes `npm test`. A workspace with a test script but no counts crashed before its
// reporter ran: it counts as a failure.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const rootPkg = JSON.parse(readFileSync("package.json", "utf8"));
const workspaces = rootPkg.workspaces.flatMap((pattern) => {
  const dir = pattern.replace(/\/\*$/, "");
  return existsSync(dir) ? readdirSync(dir).map((d) => path.join(dir, d)) : [];
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const ws of workspaces) {
  const pkgFile = path.join(ws, "package.json");
  if (!existsSync(pkgFile) || !JSON.parse(readFileSync(pkgFile, "utf8")).scripts?.test) continue;
  const resultFile = path.join(root, ".test-results", `${ws.replace(/[\\/]/g, "__")}.json`);
  if (!existsSync(resultFile)) {
    console.log(`${ws}: no test results (the run crashed before reporting)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(resultFile, "utf8"));
  console.log(`${ws}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`);
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
