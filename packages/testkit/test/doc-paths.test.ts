import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/source-scan.ts";

// Docs that name files must name files that exist: every relative link of the docs and READMEs
// leads to a file, and every path written in backticks (`services/hours/src/db/approvals.ts`, or
// a shorter tail such as `auth/province.ts` when the sentence says whose) is the tail of a file
// or folder in the repository. `.run/…` is what `npm start` creates, so it is not in a checkout.
const SKIP_DIRS = new Set(["node_modules", ".git", ".run", ".turbo", "build", "build-e2e", "dist", "coverage"]);
const RUNTIME_OUTPUT = /^\.run\//;

/** Every file and folder under `dir`, repo-relative, folders with a trailing slash. */
function tree(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP_DIRS.has(name)) return [];
    const full = path.join(dir, name);
    const rel = path.relative(repoRoot, full);
    return statSync(full).isDirectory() ? [`${rel}/`, ...tree(full)] : [rel];
  });
}

/** The docs: docs/**, the root's Markdown files and each workspace's README. */
function docFiles(): string[] {
  const inDocs = tree(path.join(repoRoot, "docs")).filter((f) => f.endsWith(".md"));
  const root = readdirSync(repoRoot).filter((f) => f.endsWith(".md"));
  const readmes = ["apps", "services", "packages"].flatMap((group) =>
    readdirSync(path.join(repoRoot, group))
      .map((w) => `${group}/${w}/README.md`)
      .filter((f) => existsSync(path.join(repoRoot, f))),
  );
  return [...inDocs, ...root, ...readmes];
}

/** Backticked file paths of a Markdown text: at least one slash and a file extension or a trailing slash. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1] ?? "")
    .filter((p) => /^[\w.@-]+(\/[\w.@$-]+)+\/?$/.test(p) && /(\.(ts|tsx|md|sql|json|jsonc|prisma|mjs|sh|ya?ml)|\/)$/.test(p));
}

/** The relative link targets of a Markdown text (web addresses and in-page anchors left out). */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? "").filter((t) => t !== "" && !/^[a-z]+:/.test(t));
}

/** Whether `named` is an entry of `entries` or the tail of one (after a slash). */
function names(entries: readonly string[], named: string): boolean {
  return entries.some((e) => e === named || e.endsWith(`/${named}`));
}

describe("files named by the docs exist", () => {
  it.each([
    ["in `services/hours/src/db/approvals.ts` and `auth/province.ts`", ["services/hours/src/db/approvals.ts", "auth/province.ts"]],
    ["a folder `.run/secrets/` and `docs/`", [".run/secrets/"]],
    ["not paths: `npm test`, `a/b`, `x.ts`, `ce.hours.>`, `services/<svc>/migrations/*.sql`", []],
    ["`@ce/identity/router` is a package import, `apps/portal/build-dir.ts` a file", ["apps/portal/build-dir.ts"]],
  ])("reads the paths of %s", (text, paths) => {
    expect(namedPaths(text)).toEqual(paths);
  });

  it.each([
    ["src/db/approvals.ts", true],
    ["db/approvals.ts", true],
    ["b/approvals.ts", false],
    ["services/hours/", true],
    ["hours/src/db/gone.ts", false],
  ])("finds %s among invented entries: %s", (named, found) => {
    expect(names(["services/hours/", "services/hours/src/db/approvals.ts"], named)).toBe(found);
  });

  const entries = tree(repoRoot);
  it.each(docFiles())("%s names only files that exist", (doc) => {
    const text = readFileSync(path.join(repoRoot, doc), "utf8");
    const missingPaths = namedPaths(text).filter((p) => !RUNTIME_OUTPUT.test(p) && !names(entries, p));
    const brokenLinks = linkTargets(text).filter((t) => !existsSync(path.resolve(repoRoot, path.dirname(doc), t)));
    expect({ missingPaths, brokenLinks }).toEqual({ missingPaths: [], brokenLinks: [] });
  });
});
