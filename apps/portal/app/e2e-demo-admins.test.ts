// Every browser test file shares one running system, and many set a demo admin's password of their
// own (takeOverDemoAdmin). A file that signs in with the printed demo password (demoAdminOf) must
// first give each of those admins that password back (restoreDemoAdmins, or people-support's
// openBrowser(…units), which calls it), or it passes alone and fails after another file — as
// import.test.ts did in CI ("sign-in stayed on /login"). A static check over the e2e files, so a
// new one cannot forget.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("../test/e2e/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".test.ts"));
const source = (f: string) => readFileSync(`${dir}${f}`, "utf8");
/** The variables a file binds to `demoAdminOf(…)`: `const admin = demoAdminOf("…")`. */
const demoAdminsOf = (text: string) => [...text.matchAll(/const (\w+) = demoAdminOf\(/g)].map((m) => m[1] as string);

describe("e2e files that sign in with a demo admin's printed password restore it first", () => {
  const using = files.filter((f) => demoAdminsOf(source(f)).length > 0);

  it("finds the files that use demoAdminOf (the check is not vacuous)", () => {
    expect(using).toEqual(expect.arrayContaining(["import.test.ts", "people-transfer.test.ts"]));
  });

  it.each(using)("%s restores every demo admin it signs in with", (file) => {
    const text = source(file);
    const restored = [...text.matchAll(/(?:restoreDemoAdmins|openBrowser)\(([^)]*)\)/g)].map((m) => m[1] as string).join(",");
    for (const name of demoAdminsOf(text)) expect(restored, `${name}.unit in restoreDemoAdmins(…)`).toMatch(new RegExp(`\\b${name}\\.unit\\b`));
  });
});
