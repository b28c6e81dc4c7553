// The authorization matrix: every procedure of a router, read from the router object itself,
// called as four kinds of caller that must not reach another unit's data. Test code only.
import { randomUUID } from "node:crypto";
import { allPermissions, callerUnit, type Principal } from "@ce/contracts";
import { type AnyRouter, TRPCError } from "@trpc/server";
import { createLogger } from "./logger.ts";
import { type Context, createCallerFactory, type ProcedureAccess } from "./trpc.ts";

export type MatrixCaller = "anonymous" | "professional" | "siblingAdmin" | "unprivilegedAdmin";
export const matrixCallers: MatrixCaller[] = ["anonymous", "professional", "siblingAdmin", "unprivilegedAdmin"];

/** One procedure as the router declares it. */
export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: ProcedureAccess | undefined;
  /** The zod schemas of its `.input()` calls (tRPC merges them in order). */
  inputs: unknown[];
  /** The schema of its `.output()` call, if any (every procedure must declare one). */
  output: unknown;
}

/**
 * Every procedure of a router, flattened to dotted paths, with the access its builder declared
 * (`_def.meta.access`) and its input schemas. Reads tRPC 11's `router._def.procedures`.
 */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<
    string,
    { _def: { type: ProcedureInfo["type"]; meta?: { access?: ProcedureAccess }; inputs: unknown[]; output?: unknown } }
  >;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type, access: p._def.meta?.access, inputs: p._def.inputs, output: p._def.output }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The dotted paths of a router's procedures that declare no `.output()` schema, sorted; an empty
 * list means every answer is parsed (and stripped of undeclared keys) before it leaves the service.
 */
export function proceduresWithoutOutput(router: AnyRouter): string[] {
  return listProcedures(router)
    .filter((p) => p.output === undefined)
    .map((p) => p.path);
}

/** How the matrix calls one procedure. */
export interface MatrixCase<W> {
  /** A sample input that references the victim unit's objects (omit for procedures without input). */
  input?: (world: W) => unknown;
  /** Why a sibling admin's mutation may succeed: it touches only the sibling's own unit. */
  siblingMaySucceed?: string;
  /** Why this procedure shows the victim's directory data (unit or department names) to anyone; only private sentinels are checked. */
  publicData?: string;
}

export type MatrixCases<W> = Record<string, MatrixCase<W>>;

export interface MatrixResult {
  procedures: number;
  calls: number;
  refused: number;
  answeredWithoutLeak: number;
  /** Everything wrong: undeclared, uncovered, stale entries, wrong outcomes, leaks, 500s. */
  problems: string[];
  /** One line per call ("path as caller: CODE" or "…: answered"), for reading what happened. */
  outcomes: string[];
}

/** A request context for `createCaller`, as the HTTP server builds it. */
export function callerContext(principal: Principal | null): Context {
  const requestId = randomUUID();
  return {
    principal,
    token: principal ? `matrix-${principal.sessionId}` : null,
    requestId,
    clientIp: "192.0.2.77",
    log: createLogger("matrix", "silent").child({ requestId }),
  };
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Calls one procedure by its dotted path through `createCaller`; a thrown TRPCError becomes its code. */
export async function callProcedure(router: AnyRouter, path: string, ctx: Context, input: unknown): Promise<CallOutcome> {
  let fn: unknown = createCallerFactory(router)(ctx);
  for (const segment of path.split(".")) fn = (fn as Record<string, unknown>)[segment];
  try {
    return { ok: true, value: await (fn as (i: unknown) => Promise<unknown>)(input) };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: "THROWN", message: String(e) };
  }
}

const REFUSALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
const serialize = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x)) ?? "";

/**
 * Runs the matrix: fails (in `problems`) on a procedure without declared access, without a case,
 * or a case without a procedure; then calls each procedure as the four callers and checks that
 * (a) anonymous callers are refused UNAUTHORIZED unless the procedure is public, (b)/(d) a
 * professional and an admin without the permission are refused UNAUTHORIZED/FORBIDDEN/NOT_FOUND
 * by every permission procedure, (c) a sibling unit's admin never changes the victim's objects
 * (mutations are refused unless the case says why not), no answer contains any victim sentinel
 * (only `privateSentinels` for public-data procedures), and nothing ends in a 500.
 */
export async function runAuthorizationMatrix<W>(opts: {
  router: AnyRouter;
  world: W;
  cases: MatrixCases<W>;
  callers: Record<MatrixCaller, Principal | null>;
  /** Ids and names of the victim unit's objects: none may appear in another caller's answer. */
  sentinels: string[];
  /** The victim's private data (people, admins, declarations), checked even on public-data procedures. */
  privateSentinels: string[];
}): Promise<MatrixResult> {
  const procedures = listProcedures(opts.router);
  const result: MatrixResult = { procedures: procedures.length, calls: 0, refused: 0, answeredWithoutLeak: 0, problems: [], outcomes: [] };
  const known = new Set(procedures.map((p) => p.path));
  for (const path of Object.keys(opts.cases)) if (!known.has(path)) result.problems.push(`${path}: in the matrix but no such procedure`);
  for (const p of procedures) {
    if (!p.access) result.problems.push(`${p.path}: no declared access (build it with publicProcedure, authedProcedure or permittedProcedure)`);
    const c = opts.cases[p.path];
    if (!c) {
      result.problems.push(`${p.path}: not covered by the authorization matrix (add a case)`);
      continue;
    }
    const input = c.input?.(opts.world);
    for (const who of matrixCallers) {
      const outcome = await callProcedure(opts.router, p.path, callerContext(opts.callers[who]), input);
      result.calls++;
      const at = `${p.path} as ${who}`;
      result.outcomes.push(`${at}: ${outcome.ok ? "answered" : outcome.code}`);
      if (!outcome.ok) {
        result.refused++;
        if (outcome.code === "INTERNAL_SERVER_ERROR" || outcome.code === "THROWN")
          result.problems.push(`${at}: failed with ${outcome.code} (${outcome.message.slice(0, 200)})`);
        else if (who === "anonymous" && p.access?.kind !== "public" && outcome.code !== "UNAUTHORIZED")
          result.problems.push(`${at}: refused ${outcome.code}, expected UNAUTHORIZED`);
        else if (who !== "siblingAdmin" && p.access?.kind === "permission" && !REFUSALS.has(outcome.code))
          result.problems.push(`${at}: refused ${outcome.code}, expected UNAUTHORIZED/FORBIDDEN/NOT_FOUND`);
        continue;
      }
      if (who === "anonymous" && p.access?.kind !== "public") result.problems.push(`${at}: answered without a session`);
      if (who !== "siblingAdmin" && p.access?.kind === "permission") result.problems.push(`${at}: answered a caller lacking ${p.access.permissions.join("/")}`);
      if (who === "siblingAdmin" && p.type === "mutation" && !c.siblingMaySucceed)
        result.problems.push(`${at}: a mutation on the other unit's objects succeeded`);
      const body = serialize(outcome.value);
      const leaked = (c.publicData ? opts.privateSentinels : opts.sentinels).filter((s) => s && body.includes(s));
      if (leaked.length > 0) result.problems.push(`${at}: answer contains the other unit's data (${leaked.slice(0, 3).join(", ")})`);
      else result.answeredWithoutLeak++;
    }
  }
  return result;
}

/** The one line each matrix test prints: the coverage figure for docs/security.md. */
export function matrixSummary(service: string, r: MatrixResult): string {
  return `authorization matrix (${service}): ${r.procedures} procedures × ${matrixCallers.length} callers, ${r.calls} calls, ${r.refused} refused, ${r.answeredWithoutLeak} answered without the other unit's data, ${r.problems.length} problems`;
}

/**
 * A principal as identity would write it at login: an admin of `unit` (super admin holding
 * every module unless `permissions` is given) or, with `professional`, a person with no scope.
 */
export function testPrincipal(who: {
  unitId: string;
  unitName: string;
  scopePath: string;
  permissions?: Principal["permissions"];
  professional?: boolean;
  accountId?: string;
  name?: string;
}): Principal {
  const professional = who.professional ?? false;
  return {
    sessionId: randomUUID().replaceAll("-", ""),
    accountId: who.accountId ?? randomUUID(),
    userType: professional ? "PROFESSIONAL" : "AUTHORITY",
    name: who.name ?? (professional ? "测试人员" : `${who.unitName}管理员`),
    unitId: who.unitId,
    unitName: professional ? null : who.unitName,
    scopePath: professional ? null : who.scopePath,
    ...callerUnit(professional ? null : { kind: "AUTHORITY", path: who.scopePath }),
    isSuperAdmin: !professional && who.permissions === undefined,
    mustChangePassword: false,
    permissions: professional ? [] : (who.permissions ?? [...allPermissions]),
    remember: false,
    createdAt: new Date().toISOString(),
  };
}
