import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

// Invented sources, each at the path whose rules it probes, and the findings `biome check` must report.
const cases: { name: string; file: string; source: string; findings: string[] }[] = [
  {
    name: "a clean file in the code's own style",
    file: "services/hours/src/domain/probe-clean.ts",
    source:
      'import { z } from "zod";\n\nexport const Probe = z.object({ name: z.string() });\nexport const isNamed = (v: unknown): boolean => Probe.safeParse(v).success;\n',
    findings: [],
  },
  {
    name: "an unused local",
    file: "apps/portal/app/routes/probe-local.tsx",
    source: "export function loader() {\n  const me = 1;\n  return null;\n}\n",
    findings: ["lint/correctness/noUnusedVariables"],
  },
  {
    name: "an unused import",
    file: "services/identity/src/auth/probe-import.ts",
    source: 'import { CAPTCHA_WIDTH } from "./captcha.ts";\n\nexport const size = 1;\n',
    findings: ["lint/correctness/noUnusedImports"],
  },
  {
    name: "a hook called conditionally",
    file: "apps/portal/app/components/ProbeHook.tsx",
    source: 'import { useState } from "react";\n\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(1);\n  return null;\n}\n',
    findings: ["lint/correctness/useHookAtTopLevel"],
  },
  {
    name: "an effect that omits what it reads",
    file: "apps/portal/app/components/ProbeEffect.tsx",
    source:
      'import { useEffect } from "react";\n\nexport function Probe({ id, load }: { id: string; load: (id: string) => void }) {\n  useEffect(() => {\n    load(id);\n  }, [id]);\n  return null;\n}\n',
    findings: ["lint/correctness/useExhaustiveDependencies"],
  },
  {
    name: "a list keyed by position",
    file: "apps/portal/app/components/ProbeKey.tsx",
    source: "export function Probe({ names }: { names: string[] }) {\n  return names.map((n, i) => <span key={i}>{n}</span>);\n}\n",
    findings: ["lint/suspicious/noArrayIndexKey"],
  },
  {
    name: "an assignment inside an expression",
    file: "packages/contracts/src/probe-assign.ts",
    source: "export function first(xs: number[]): number {\n  let x: number | undefined;\n  if (!x) xs.push((x = 1));\n  return x;\n}\n",
    findings: ["lint/suspicious/noAssignInExpressions"],
  },
  {
    name: "a control character in a pattern without a stated reason",
    file: "packages/service-kit/src/probe-control.ts",
    source: "export const hasNul = (s: string): boolean => /\\u0000/.test(s);\n",
    findings: ["lint/suspicious/noControlCharactersInRegex"],
  },
  {
    name: "a vitest fixture named use… in a service test (not a React hook)",
    file: "services/hours/test/probe-fixture.test.ts",
    source:
      'import { expect, it } from "vitest";\n\nconst useWorld = () => ({ ready: true });\nconst world = useWorld();\n\nit("is ready", () => expect(world.ready).toBe(true));\n',
    findings: [],
  },
  {
    name: "innerText read by a browser test (the text a person sees)",
    file: "apps/portal/test/e2e/probe-text.test.ts",
    source: "export const text = (el: HTMLElement): string => el.innerText;\n",
    findings: [],
  },
  {
    name: "innerText read by portal code",
    file: "apps/portal/app/utils/probe-text.ts",
    source: "export const text = (el: HTMLElement): string => el.innerText;\n",
    findings: ["lint/performance/useDomNodeTextContent"],
  },
  {
    name: "single quotes and a missing semicolon",
    file: "packages/service-kit/src/probe-format.ts",
    source: "export const name = 'probe'\n",
    findings: ["format"],
  },
  {
    name: "imports out of order",
    file: "services/reporting/src/probe-order.ts",
    source: 'import { z } from "zod";\nimport { randomUUID } from "node:crypto";\n\nexport const id = z.string().default(randomUUID());\n',
    findings: ["assist/source/organizeImports"],
  },
  {
    name: "a generated Prisma client (ignored)",
    file: "services/hours/generated/prisma/probe.ts",
    source: "const unused = 'x'\n",
    findings: [],
  },
];

let findingsByFile = new Map<string, string[]>();
let scratch = "";

beforeAll(() => {
  // A scratch tree with the repository's biome.jsonc: the probes sit at the paths they name, so path overrides apply.
  scratch = mkdtempSync(path.join(tmpdir(), "ce-lint-"));
  copyFileSync(path.join(root, "biome.jsonc"), path.join(scratch, "biome.jsonc"));
  for (const c of cases) {
    mkdirSync(path.dirname(path.join(scratch, c.file)), { recursive: true });
    writeFileSync(path.join(scratch, c.file), c.source);
  }
  const run = spawnSync(path.join(root, "node_modules/.bin/biome"), ["check", "--reporter=json", "--vcs-enabled=false", "--max-diagnostics=none", "."], {
    cwd: scratch,
    encoding: "utf8",
  });
  const report = JSON.parse(run.stdout) as { diagnostics: { category: string; location: { path: string } }[] };
  findingsByFile = new Map();
  for (const d of report.diagnostics) findingsByFile.set(d.location.path, [...(findingsByFile.get(d.location.path) ?? []), d.category]);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("biome.jsonc (npm run lint, run first by npm test)", () => {
  it.each(cases)("reports $name as $findings", ({ file, findings }) => {
    expect([...new Set(findingsByFile.get(file) ?? [])].sort()).toEqual([...findings].sort());
  });

  it("checks no file outside the probes (the scratch tree holds nothing else)", () => {
    const probed = new Set(cases.map((c) => c.file));
    expect([...findingsByFile.keys()].filter((f) => !probed.has(f))).toEqual([]);
  });
});
