import path from "node:path";

/** One workspace's package.json, as far as the dead-code checks read it. */
export interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * The modules in `scope` that no other file imports by a relative specifier (`from "./x.ts"`,
 * `import("../x.ts")`, `import "./x.ts"`), leaving out those `isEntry` names (routes, main.ts,
 * package exports: loaded by a framework or a runtime, not by an import). `sources` maps
 * repository-relative paths to their text; specifiers carry their extension, as in this codebase.
 */
export function unimportedModules(sources: ReadonlyMap<string, string>, scope: readonly string[], isEntry: (file: string) => boolean): string[] {
  const imported = new Set<string>();
  for (const [file, text] of sources) {
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
      imported.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] as string)));
    }
  }
  return scope.filter((f) => !isEntry(f) && !imported.has(f));
}

/**
 * The declared dependencies (`workspace name › dependency`) that nothing uses: no file of the
 * repository names them as a module specifier (import, dynamic import, require, CSS `@import`,
 * tsconfig `extends`), no package script runs one of their `bins(dep)` or loads them with
 * `--import`. `@types/*` packages are ambient (tsc loads them unasked) and so never reported.
 */
export function unusedDependencies(manifests: readonly Manifest[], sources: ReadonlyMap<string, string>, bins: (dep: string) => string[]): string[] {
  const text = [...sources.values()].join("\n");
  const scripts = manifests.flatMap((m) => Object.values(m.scripts ?? {})).join("\n");
  const used = (dep: string) =>
    new RegExp(`["'\`]${literal(dep)}(/[^"'\`]*)?["'\`]`).test(text) ||
    new RegExp(`--import[= ]${literal(dep)}(\\s|$)`, "m").test(scripts) ||
    bins(dep).some((bin) => new RegExp(`(^|[\\s;&|(])${literal(bin)}(\\s|$)`, "m").test(scripts));
  return manifests.flatMap((m) =>
    Object.keys({ ...m.dependencies, ...m.devDependencies })
      .filter((dep) => !dep.startsWith("@types/") && !used(dep))
      .map((dep) => `${m.name} › ${dep}`),
  );
}
