// Guards for the operations kinds of ADR 004: every service prunes its event tables, and every
// tRPC client link (portal, services, shared test helpers) aborts a call after a timeout.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sourceFiles } from "@ce/testkit";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

/** The argument text of each call to a tRPC HTTP link in `src` (comments aside) that passes no timed fetch. */
function untimedLinks(source: string): string[] {
  const src = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of src.matchAll(/\b(httpBatchLink|httpLink|httpBatchStreamLink|unstable_httpBatchStreamLink)\s*(<[^(]*>)?\s*\(/g)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const start = i;
    for (; i < src.length && depth > 0; i++) {
      if (src[i] === "(") depth++;
      else if (src[i] === ")") depth--;
    }
    const args = src.slice(start, i - 1);
    if (!/\bfetch\s*:\s*fetchWithTimeout\s*\(/.test(args)) out.push(`${m[1]}(${args.replace(/\s+/g, " ").slice(0, 80)})`);
  }
  return out;
}

describe("the timed-link check itself", () => {
  it.each([
    { src: "httpBatchLink({ url, transformer: superjson })", untimed: 1 },
    { src: "httpBatchLink<AnyRouter>({ url, headers: () => ({ a: f(1) }) })", untimed: 1 },
    { src: "httpLink({ url, fetch })", untimed: 1 },
    { src: "httpLink({ url, fetch: fetch })", untimed: 1 },
    { src: "unstable_httpBatchStreamLink({ url })", untimed: 1 },
    { src: "httpBatchLink({ url, fetch: fetchWithTimeout(env.SERVICE_CALL_TIMEOUT_MS) })", untimed: 0 },
    { src: "httpBatchLink<AnyRouter>({\n  url,\n  headers: () => ({ x: g(h()) }),\n  fetch: fetchWithTimeout(ms),\n})", untimed: 0 },
    { src: "httpBatchLink({ url, fetch: fetchWithTimeout(1) }); httpLink({ url })", untimed: 1 },
    { src: "import { httpBatchLink } from '@trpc/client';", untimed: 0 },
    { src: "// no links here at all", untimed: 0 },
    { src: "/** Use it as `httpBatchLink({ fetch })`. */\n// httpLink({ url })", untimed: 0 },
  ])("$src → $untimed untimed", ({ src, untimed }) => {
    expect(untimedLinks(src)).toHaveLength(untimed);
  });
});

describe("operations wiring", () => {
  const serviceDirs = readdirSync(path.join(root, "services")).filter((s) => statSync(path.join(root, "services", s, "src/app.ts"), { throwIfNoEntry: false }));

  it("finds the three services", () => {
    expect(serviceDirs.sort()).toEqual(expect.arrayContaining(["hours", "identity", "reporting"]));
  });

  // The pruner is started by the one bootstrap (service.ts); every service must start through it.
  it("the service bootstrap starts the event-table pruner and stops it on shutdown", () => {
    const src = readFileSync(path.join(root, "packages/service-kit/src/service.ts"), "utf8");
    expect(src).toMatch(/startEventPruner\(\{[^}]*retentionFromConfig\(config\)/);
    expect(src).toContain('onStop("event pruner"');
  });

  it.each(serviceDirs)("%s starts through the service bootstrap", (service) => {
    const src = readFileSync(path.join(root, "services", service, "src/app.ts"), "utf8");
    expect(src).toMatch(/\bstartService\(\{/);
  });

  it("gives every tRPC client link a timeout", () => {
    const dirs = ["apps/portal/app", ...serviceDirs.map((s) => `services/${s}/src`), "packages/service-kit/src", "packages/testkit/src"];
    const files = dirs.flatMap((d) => sourceFiles(path.join(root, d)));
    const linked = files.filter((f) => /\bhttp(Batch)?(Stream)?Link\b/.test(readFileSync(f, "utf8")));
    // The portal's clients and the tests' shared client, at least.
    expect(linked.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(["apps/portal/app/utils/api.server.ts", "packages/service-kit/src/testing.ts"]),
    );
    const offenders = linked.flatMap((f) => untimedLinks(readFileSync(f, "utf8")).map((call) => `${path.relative(root, f)}: ${call}`));
    expect(offenders).toEqual([]);
  });
});
