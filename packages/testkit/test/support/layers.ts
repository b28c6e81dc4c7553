// The layer rules of issue 9 (ARCHITECTURE.md): which folder of a service's src/ may import which.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, sourceFiles } from "./source-scan.ts";

/**
 * Per layer (a folder directly under services/<svc>/src), the layers it must not import. `auth` is
 * identity's Redis-backed edge of 登录 (sessions, login throttle, rate limits, captchas, reset
 * tokens): use cases call it, routers reach it only through a use case.
 */
export const FORBIDDEN_IMPORTS: Record<string, string[]> = {
  routers: ["db", "events", "auth"],
  db: ["events", "use-cases", "routers"],
  "use-cases": ["routers"],
  domain: ["db", "events", "use-cases", "routers", "storage", "auth"],
};

/** The relative specifiers a file imports or re-exports (type-only imports included). */
export function relativeImports(src: string): string[] {
  return [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1] as string);
}

/**
 * Every import in a service's production sources that crosses a forbidden layer boundary, as
 * "services/<svc>/src/<file> → <layer>/<file>" (repo-relative source, src-relative target).
 */
export function layerOffenders(service: string): string[] {
  const src = path.join(repoRoot, "services", service, "src");
  const layerOf = (file: string) => path.relative(src, file).split(path.sep)[0] ?? "";
  return sourceFiles(src).flatMap((file) => {
    const forbidden = FORBIDDEN_IMPORTS[layerOf(file)] ?? [];
    return relativeImports(readFileSync(file, "utf8"))
      .map((spec) => path.resolve(path.dirname(file), spec))
      .filter((target) => target.startsWith(src + path.sep) && forbidden.includes(layerOf(target)))
      .map((target) => `${path.relative(repoRoot, file)} → ${path.relative(src, target)}`);
  });
}

/**
 * Imports allowed to cross a forbidden boundary, per service: none since identity's registration
 * and units moved into use-cases/. The list may only shrink: a new offender fails the test, and so
 * does an entry that no longer offends.
 */
export const LAYER_ALLOW_LIST: Record<string, string[]> = {
  identity: [],
  hours: [],
  reporting: [],
};
