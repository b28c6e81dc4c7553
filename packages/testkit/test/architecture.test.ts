import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORBIDDEN_IMPORTS, LAYER_ALLOW_LIST, layerOffenders, relativeImports } from "./support/layers.ts";
import { repoRoot as root, sourceFiles } from "./support/source-scan.ts";

const tsFiles = (dir: string) => sourceFiles(dir, { tests: true });
// Test files may also use the test-only tools (and the contracts' pure fixtures); shipped files may not.
const TEST_ONLY = new Set(["vitest", "fast-check", "@ce/contracts/testing"]);
const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

function imports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] as string);
}

const services = ["identity", "hours", "reporting"];

/** "<file> imports <spec>" for each import under `dir` that `allowed` refuses (a test file may also use the test-only tools). */
function importOffenders(dir: string, allowed: (spec: string) => boolean): string[] {
  return tsFiles(dir).flatMap((f) =>
    imports(f)
      .filter((s) => !allowed(s) && !(isTestFile(f) && TEST_ONLY.has(s)))
      .map((s) => `${path.relative(root, f)} imports ${s}`),
  );
}

describe("architecture", () => {
  it.each(services)("keeps %s's domain layer free of transport, database and broker imports", (service) => {
    const allowed = (spec: string) => spec.startsWith("./") || spec === "@ce/contracts" || spec === "zod" || spec === "node:crypto";
    expect(importOffenders(path.join(root, "services", service, "src/domain"), allowed)).toEqual([]);
  });

  // routers/ → no db/, events/, auth/; db/ → no events/, use-cases/, routers/; use-cases/ → no routers/ (support/layers.ts).
  it.each(services)("keeps %s's layers apart, apart from the shrinking allow-list", (service) => {
    const found = layerOffenders(service);
    const allowed = LAYER_ALLOW_LIST[service] ?? [];
    const stale = allowed.filter((entry) => !found.includes(entry));
    if (allowed.length > 0) console.log(`layer allow-list (${service}), ${allowed.length} entries:\n  ${allowed.join("\n  ")}`);
    expect(found.filter((entry) => !allowed.includes(entry))).toEqual([]);
    // The list only shrinks: an entry that no longer offends must be removed with the fix.
    expect(stale).toEqual([]);
  });

  it("finds a layer crossing in invented imports", () => {
    const rows: Array<[layer: string, target: string, forbidden: boolean]> = [
      ["routers", "db", true],
      ["routers", "events", true],
      ["routers", "use-cases", false],
      ["routers", "auth", true],
      ["db", "events", true],
      ["db", "use-cases", true],
      ["db", "domain", false],
      ["use-cases", "routers", true],
      ["use-cases", "db", false],
      ["use-cases", "events", false],
      ["use-cases", "auth", false],
      ["domain", "db", true],
      ["events", "db", false],
    ];
    for (const [layer, target, forbidden] of rows)
      expect([layer, target, (FORBIDDEN_IMPORTS[layer] ?? []).includes(target)]).toEqual([layer, target, forbidden]);
    expect(
      relativeImports('import { a } from "../db/x.ts";\nimport type { B } from "../../events/y.ts";\nexport * from "./z.ts";\nimport { z } from "zod";'),
    ).toEqual(["../db/x.ts", "../../events/y.ts", "./z.ts"]);
  });

  // A router reads input → use case → output: its input schema is a named contract (@ce/contracts,
  // with its Chinese messages), never one written inline, and it hands the use case the parsed input whole.
  // Nor does it wrap a use case in an adapter: every use case takes (deps, caller, input).
  const INLINE_INPUT = /\.input\(\s*z\./;
  const ADAPTER = /\brun\(\s*(async\s*)?\(/;
  it.each(services)("keeps %s's routers to named contract inputs (no inline .input(z.…)) and use cases handed over whole (no run((…) => …))", (service) => {
    const offenders = tsFiles(path.join(root, "services", service, "src/routers")).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (INLINE_INPUT.test(line) || ADAPTER.test(line) ? [`${path.relative(root, f)}:${i + 1} ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("finds an inline input schema in invented router lines", () => {
    expect(
      [
        ".input(z.object({ id: z.uuid() }))",
        "  detail: review.input(z.object({ unitId: z.uuid() })).query(run(x)),",
        ".input( z.string())",
        ".input(TransferIdInput)",
        ".output(z.array(UnitOption))",
      ].map((line) => INLINE_INPUT.test(line)),
    ).toEqual([true, true, true, false, false]);
    expect(
      [
        ".mutation(run((deps, manager, input) => createAdminFromDraft(deps, manager, manager.actor, input), adminManager)),",
        ".query(run(async (deps, _ctx, input) => ({ usable: await check(deps, input) }))),",
        ".mutation(run(createAdminFromDraft, adminManager)),",
        ".query(run(unitRoles)),",
      ].map((line) => ADAPTER.test(line)),
    ).toEqual([true, true, false, false]);
  });

  it("keeps the contracts package free of any service or runtime dependency", () => {
    const allowed = (spec: string) => spec.startsWith("./") || spec.startsWith("../") || spec === "zod";
    expect(importOffenders(path.join(root, "packages/contracts/src"), allowed)).toEqual([]);
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
