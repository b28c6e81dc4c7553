import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot as root, sourceFiles } from "./support/source-scan.ts";

const tsFiles = (dir: string) => sourceFiles(dir, { tests: true });
// Test files may also use the test-only tools; shipped files may not.
const TEST_ONLY = new Set(["vitest", "fast-check"]);
const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

function imports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] as string);
}

const services = ["identity", "hours", "reporting"];

describe("architecture", () => {
  it.each(services)("keeps %s's domain layer free of transport, database and broker imports", (service) => {
    const dir = path.join(root, "services", service, "src/domain");
    const allowed = (file: string, spec: string) =>
      spec.startsWith("./") || spec === "@ce/contracts" || spec === "zod" || spec === "node:crypto" || (isTestFile(file) && TEST_ONLY.has(spec));
    const offenders = tsFiles(dir).flatMap((f) =>
      imports(f)
        .filter((s) => !allowed(f, s))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the contracts package free of any service or runtime dependency", () => {
    const dir = path.join(root, "packages/contracts/src");
    const allowed = (file: string, spec: string) =>
      spec.startsWith("./") || spec.startsWith("../") || spec === "zod" || (isTestFile(file) && TEST_ONLY.has(spec));
    const offenders = tsFiles(dir).flatMap((f) =>
      imports(f)
        .filter((s) => !allowed(f, s))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(services)("lets no other workspace import %s's code, only its router type", (service) => {
    const others = ["apps/portal/app", ...services.filter((s) => s !== service).map((s) => `services/${s}/src`), "packages"];
    const offenders = others.flatMap((dir) =>
      tsFiles(path.join(root, dir)).flatMap((f) => {
        const src = readFileSync(f, "utf8");
        return [...src.matchAll(new RegExp(`^\\s*import\\s+(type\\s+)?[^;]*?from\\s+["'](@ce/${service}[^"']*|[./]*services/${service}/[^"']*)["']`, "gm"))]
          .filter((m) => !m[1])
          .map((m) => `${path.relative(root, f)} imports ${m[2]} at run time`);
      }),
    );
    expect(offenders).toEqual([]);
  });
});
