// Property-based fuzzing of every procedure's input with hostile values (fast-check): never a
// 500, never a partial write. Test code only.

import type { Principal } from "@ce/contracts";
import { TEST_FUZZ_RUNS } from "@ce/testkit";
import type { AnyRouter } from "@trpc/server";
import fc from "fast-check";
import { callerContext, callProcedure, listProcedures } from "./matrix.ts";

/** Runs per procedure: `FUZZ_RUNS` from the environment (npm run test:fuzz sets a large one), else `fallback`. */
export function fuzzRuns(fallback = 12): number {
  return TEST_FUZZ_RUNS ?? fallback;
}

const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(64),
  "\u001b[2J",
  "\r\n\t",
  "\u0085\u009b",
  "\uD800",
  "x\uDFFF",
  "\uFFFE\uFFFF",
  "\u202Eevil\u202C",
  "\u2066\u2069",
  "😀".repeat(300),
  "𠀀𪚥",
  "Ω≈ç√∫",
  "'; DROP TABLE x; --",
  "%_\\%",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "__proto__",
  "constructor",
  "null",
  "NaN",
  "-1",
  "1e309",
  "2026-02-30",
  "9999-99-99",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(100_000),
  "中".repeat(20_000),
];
const nastyNumbers = [NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER];

/** Any UTF-16 sequence, lone surrogates and controls included. */
const rawUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));

/** A string a person or an attacker might send: lists above, raw UTF-16, graphemes, long runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  rawUtf16,
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 5000 })).map(([s, n]) => s.repeat(n)),
);

const deep = (depth: number): unknown => (depth === 0 ? "bottom" : { a: deep(depth - 1) });

/** Any value of the wrong kind: numbers out of range, wrong types, deep objects, huge arrays. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...nastyNumbers),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    [],
    {},
    new Date(Number.NaN),
    new Date(8.64e15),
    deep(200),
    Array.from({ length: 10_000 }, (_, i) => i),
    Array.from({ length: 10_000 }, () => "a"),
  ),
  fc.bigInt(),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
);

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) leafPaths(v, [...path, i], out);
  else if (value && typeof value === "object" && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, k], out);
  return out;
}

interface ZodNode {
  _zod?: { def: { type: string; shape?: Record<string, ZodNode>; element?: ZodNode; innerType?: ZodNode; in?: ZodNode; options?: ZodNode[] } };
}

/** Every field path a zod input schema names (objects, array elements, unions; wrappers unwrapped), to depth 4. */
export function schemaPaths(schema: unknown, prefix: Path = [], depth = 0, out: Path[] = []): Path[] {
  const def = (schema as ZodNode | undefined)?._zod?.def;
  if (!def || depth > 4) return out;
  if (def.innerType) return schemaPaths(def.innerType, prefix, depth, out);
  if (def.type === "pipe" && def.in) return schemaPaths(def.in, prefix, depth, out);
  if (def.type === "object" && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      out.push([...prefix, key]);
      schemaPaths(child, [...prefix, key], depth + 1, out);
    }
  } else if (def.type === "array" && def.element) {
    out.push([...prefix, 0]);
    schemaPaths(def.element, [...prefix, 0], depth + 1, out);
  } else if (def.type === "union" && def.options) {
    for (const option of def.options) schemaPaths(option, prefix, depth + 1, out);
  }
  return out;
}

function withValueAt(sample: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: unknown = sample && typeof sample === "object" ? structuredClone(sample) : {};
  let at = copy as Record<string | number, unknown>;
  for (const [i, key] of path.slice(0, -1).entries()) {
    if (!at[key] || typeof at[key] !== "object") at[key] = typeof path[i + 1] === "number" ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Inputs for one procedure: its valid sample with one field (or the whole input) replaced by a
 * hostile value, an unknown key added, or a hostile value on its own. `fieldPaths` adds the
 * fields the schema names that the sample leaves out (optional filters, page numbers).
 */
export function hostileInputs(sample: unknown, fieldPaths: Path[] = []): fc.Arbitrary<unknown> {
  const seen = new Set<string>();
  const paths = [...leafPaths(sample), ...fieldPaths].filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => withValueAt(sample, p, v)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileString, hostileValue)
        .map(([k, v]) => (sample && typeof sample === "object" && !Array.isArray(sample) ? { ...sample, [k]: v } : v)),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

export interface FuzzResult {
  procedures: number;
  /** Runs per procedure. */
  runs: number;
  cases: number;
  problems: string[];
}

/** What fuzzRouter drives, as whom, with which samples, and how it sees a write. */
export interface FuzzOptions<W> {
  router: AnyRouter;
  world: W;
  principal: Principal;
  /** Another caller for some procedures (e.g. a professional's self-service), so their input reaches the use case. */
  principalFor?: Record<string, Principal>;
  samples: Record<string, { input?: (world: W) => unknown }>;
  snapshot: () => Promise<string>;
  runs?: number;
  skip?: Record<string, string>;
}

/**
 * Drives every procedure with hostileInputs(sample) as `principal` (a valid caller of its own
 * unit) for `runs` cases each: a call must never end in INTERNAL_SERVER_ERROR (or a non-tRPC
 * throw), and a refused call must leave `snapshot()` (row counts of the service's tables)
 * unchanged. `runs` defaults to fuzzRuns(). `skip` names procedures not to fuzz, each with a reason.
 */
export async function fuzzRouter<W>(opts: FuzzOptions<W>): Promise<FuzzResult> {
  const runs = opts.runs ?? fuzzRuns();
  const result: FuzzResult = { procedures: 0, runs, cases: 0, problems: [] };
  for (const p of listProcedures(opts.router)) {
    if (opts.skip?.[p.path]) continue;
    result.procedures++;
    const sample = opts.samples[p.path]?.input?.(opts.world);
    const failures: string[] = [];
    const details = await fc.check(
      fc.asyncProperty(
        hostileInputs(
          sample ?? {},
          p.inputs.flatMap((schema) => schemaPaths(schema)),
        ),
        async (input) => {
          result.cases++;
          const before = p.type === "mutation" ? await opts.snapshot() : "";
          const outcome = await callProcedure(opts.router, p.path, callerContext(opts.principalFor?.[p.path] ?? opts.principal), input);
          if (!outcome.ok && (outcome.code === "INTERNAL_SERVER_ERROR" || outcome.code === "THROWN")) {
            failures.push(`${p.path}: ${outcome.code} ${outcome.message.slice(0, 160)} for ${describe(input)}`);
            return false;
          }
          if (!outcome.ok && p.type === "mutation" && (await opts.snapshot()) !== before) {
            failures.push(`${p.path}: refused ${outcome.code} but rows changed, for ${describe(input)}`);
            return false;
          }
          return true;
        },
      ),
      { numRuns: runs, endOnFailure: true },
    );
    if (details.failed) result.problems.push(failures[0] ?? `${p.path}: ${String(details.errorInstance)}`);
  }
  return result;
}

function describe(input: unknown): string {
  const s =
    JSON.stringify(input, (_k, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v,
    ) ?? String(input);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** The line each fuzz test prints: the figures for docs/security.md. */
export function fuzzSummary(service: string, r: FuzzResult): string {
  return `fuzz (${service}): ${r.procedures} procedures × ${r.runs} runs, ${r.cases} cases, ${r.problems.length} problems`;
}

/**
 * A service's fuzz test: fuzzRouter with the row counts of `db`'s schema `service` (rowCounts) as
 * the write check; prints its fuzzSummary line and returns the problems found (a test expects none).
 */
export async function fuzzService<W>(service: string, db: Parameters<typeof rowCounts>[0], opts: Omit<FuzzOptions<W>, "snapshot">): Promise<string[]> {
  const result = await fuzzRouter({ ...opts, snapshot: rowCounts(db, service) });
  console.log(fuzzSummary(service, result));
  return result.problems;
}

/**
 * A snapshot of a service schema's row counts (every base table, one round trip), to prove a
 * refused call wrote nothing. `db` is any Prisma client; `schema` the service's schema name.
 */
export function rowCounts(db: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }, schema: string): () => Promise<string> {
  return async () => {
    const rows = await db.$queryRawUnsafe<{ t: string; n: string }[]>(
      `SELECT table_name AS t, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text AS n
         FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
      schema,
    );
    return rows.map((r) => `${r.t}=${r.n}`).join(",");
  };
}
