import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Manifest, unimportedModules, unusedDependencies } from "./support/dead-code.ts";

const root = path.resolve(import.meta.dirname, "../../..");

// What Biome cannot see: a module nothing imports, a dependency nothing uses (issue 9 item 7).
describe("unimportedModules", () => {
  const entry = (f: string) => f.includes("/routes/") || f.endsWith("/main.ts");
  const cases: { name: string; files: Record<string, string>; dead: string[] }[] = [
    {
      name: "a helper nothing imports",
      files: { "app/utils/placeholder.server.ts": "export const x = 1;", "app/routes/a.tsx": "" },
      dead: ["app/utils/placeholder.server.ts"],
    },
    { name: "a helper a route imports", files: { "app/utils/menu.ts": "", "app/routes/a.tsx": 'import { m } from "../utils/menu.ts";' }, dead: [] },
    { name: "a module loaded by a dynamic import", files: { "src/log.ts": "", "src/main.ts": 'const { log } = await import("./log.ts");' }, dead: [] },
    {
      name: "a module imported for its side effect",
      files: { "src/ctx.ts": "", "src/api.ts": 'import "./ctx.ts";', "src/main.ts": 'import { a } from "./api.ts";' },
      dead: [],
    },
    { name: "a module only its own re-export chain reaches", files: { "src/a.ts": 'export * from "./b.ts";', "src/b.ts": "" }, dead: ["src/a.ts"] },
    { name: "a name that only looks like the path", files: { "src/menu.ts": "", "src/main.ts": 'const s = "menu.ts";' }, dead: ["src/menu.ts"] },
  ];
  it.each(cases)("finds $name: $dead", ({ files, dead }) => {
    const sources = new Map(Object.entries(files));
    expect(unimportedModules(sources, [...sources.keys()], entry)).toEqual(dead);
  });
});

describe("unusedDependencies", () => {
  const bins = (dep: string) => ({ typescript: ["tsc", "tsserver"], "@remix-run/dev": ["remix"], vitest: ["vitest"] })[dep] ?? [];
  const manifest = (deps: Record<string, string>, scripts: Record<string, string> = {}): Manifest[] => [{ name: "@ce/x", scripts, dependencies: deps }];
  const cases: { name: string; deps: Record<string, string>; files: Record<string, string>; scripts?: Record<string, string>; unused: string[] }[] = [
    {
      name: "a dependency nothing names",
      deps: { "@remix-run/serve": "2" },
      files: { "server.ts": 'import express from "express";' },
      unused: ["@ce/x › @remix-run/serve"],
    },
    { name: "an import by name", deps: { zod: "4" }, files: { "a.ts": 'import { z } from "zod";' }, unused: [] },
    { name: "an import of a subpath", deps: { "@trpc/server": "11" }, files: { "a.ts": 'import { h } from "@trpc/server/adapters/standalone";' }, unused: [] },
    { name: "a CSS @import", deps: { tailwindcss: "4" }, files: { "app.css": '@import "tailwindcss";' }, unused: [] },
    { name: "a tsconfig extends", deps: { "@ce/tsconfig": "*" }, files: { "tsconfig.json": '{ "extends": "@ce/tsconfig/node.json" }' }, unused: [] },
    { name: "a binary run by a script", deps: { "@remix-run/dev": "2" }, files: {}, scripts: { build: "remix vite:build" }, unused: [] },
    { name: "a loader passed to node", deps: { tsx: "4" }, files: {}, scripts: { start: "node --import tsx server.ts" }, unused: [] },
    {
      name: "a name that only prefixes another",
      deps: { "@nats-io/kv": "3" },
      files: { "a.ts": 'import { Kvm } from "@nats-io/kvx";' },
      unused: ["@ce/x › @nats-io/kv"],
    },
    { name: "a binary named only inside a word", deps: { vitest: "4" }, files: {}, scripts: { test: "run-vitest-later" }, unused: ["@ce/x › vitest"] },
    { name: "ambient types", deps: { "@types/node": "20" }, files: {}, unused: [] },
  ];
  it.each(cases)("finds $name: $unused", ({ deps, files, scripts, unused }) => {
    expect(unusedDependencies(manifest(deps, scripts), new Map(Object.entries(files)), bins)).toEqual(unused);
  });
});

describe("this repository", () => {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => f && !f.startsWith("node_modules/") && existsSync(path.join(root, f)));
  const manifestFiles = listed.filter((f) => f === "package.json" || f.endsWith("/package.json"));
  const manifests = manifestFiles.map((f) => JSON.parse(readFileSync(path.join(root, f), "utf8")) as Manifest & { exports?: unknown });
  const sources = new Map(listed.filter((f) => /\.(ts|tsx|js|mjs|css)$|tsconfig\.json$/.test(f)).map((f) => [f, readFileSync(path.join(root, f), "utf8")]));

  it("has no module that nothing imports (outside routes, main.ts, package exports and the files package scripts run)", () => {
    const exported = new Set(
      manifestFiles.flatMap(
        (f, i) =>
          JSON.stringify(manifests[i]?.exports ?? {})
            .match(/\.\/[^"]+/g)
            ?.map((e) => path.posix.join(path.posix.dirname(f), e)) ?? [],
      ),
    );
    // A script such as "seed:demo-hours": "node --import tsx src/seed/demo-hours.ts" runs its file directly.
    manifestFiles.forEach((f, i) => {
      for (const script of Object.values((manifests[i] as { scripts?: Record<string, string> } | undefined)?.scripts ?? {}))
        for (const file of script.match(/\bsrc\/\S+\.ts\b/g) ?? []) exported.add(path.posix.join(path.posix.dirname(f), file));
    });
    const isEntry = (f: string) =>
      exported.has(f) || f.endsWith(".d.ts") || /^apps\/portal\/app\/(routes\/|root\.tsx$|entry\.)/.test(f) || /^services\/[^/]+\/src\/main\.ts$/.test(f);
    const scope = [...sources.keys()].filter(
      (f) => /^(apps\/portal\/app|services\/[^/]+\/src|packages\/[^/]+\/src)\/.*\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    expect(unimportedModules(sources, scope, isEntry)).toEqual([]);
  });

  it("declares no dependency that nothing uses", () => {
    const bins = (dep: string) => {
      const file = path.join(root, "node_modules", dep, "package.json");
      if (!existsSync(file)) return [];
      const { bin } = JSON.parse(readFileSync(file, "utf8")) as { bin?: string | Record<string, string> };
      return typeof bin === "string" ? [dep.split("/").pop() as string] : Object.keys(bin ?? {});
    };
    // The generated Prisma clients (generated/, not in git) are what import @prisma/client.
    const unused = unusedDependencies(manifests, sources, bins).filter((d) => !d.endsWith(" › @prisma/client"));
    expect(unused).toEqual([]);
  });
});
