import { randomUUID } from "node:crypto";
import { DomainError, type Permission, type Principal, permissionModules } from "@ce/contracts";
import { initTRPC, type TRPCCreateRouterOptions, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { hostileInputField } from "./input-guard.ts";
import type { Logger } from "./logger.ts";

/** What every procedure sees: the caller (if signed in) and request-scoped facts. */
export interface Context {
  principal: Principal | null;
  token: string | null;
  requestId: string;
  clientIp: string | null;
  log: Logger;
}

/**
 * Who may call a procedure, declared by the builder it is made with, so a test can read every
 * procedure's access from `router._def.procedures[path]._def.meta.access`: anyone (`public`:
 * login, captcha, registration), anyone signed in acting on their own things (`authed`), or a
 * holder of one of `permissions`.
 */
export type ProcedureAccess = { kind: "public" } | { kind: "authed" } | { kind: "permission"; permissions: Permission[] };
export interface ProcedureMeta {
  access?: ProcedureAccess;
  /** Open to a session whose password is temporary (auth.me, 修改密码, 退出): passwordChangeProcedure. */
  duringPasswordChange?: boolean;
}

/** What every other procedure answers a session whose password someone else set, until it is changed. */
export const MUST_CHANGE_PASSWORD_MESSAGE = "您的密码由管理员设置，请先修改密码后再使用其他功能";

/** The message a caller gets for any failure that is not theirs to fix; the detail is only logged. */
export const unexpectedErrorMessage = (requestId: string) => `系统繁忙，请稍后再试（错误编号 ${requestId}）`;

const orphanIds = new WeakMap<object, string>();
/**
 * The id that ties a failed call's response to its log line: the request's id, or (when the
 * context could not be built) one made for this error and remembered, so onError and the error
 * formatter print the same id.
 */
export function incidentId(error: object, ctx: Pick<Context, "requestId"> | undefined): string {
  if (ctx?.requestId) return ctx.requestId;
  const known = orphanIds.get(error);
  if (known) return known;
  const id = randomUUID();
  orphanIds.set(error, id);
  return id;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Stacks never leave the process, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // A Prisma message, SQL or a bug's text says nothing to a person and too much to an attacker.
        return { ...shape, message: unexpectedErrorMessage(incidentId(error, ctx)), data: { ...data, fieldErrors: null } };
      }
      return {
        ...shape,
        // A ZodError's own message is its issues as JSON (codes, English); a person reads the
        // schemas' Chinese messages instead (contracts' zod-locale.ts fills in the unsaid ones).
        message: cause instanceof z.ZodError ? [...new Set(cause.issues.map((i) => i.message))].join("；") : shape.message,
        data: {
          ...data,
          // Field-level messages for forms: from zod input validation or a domain error's field.
          fieldErrors:
            cause instanceof z.ZodError
              ? (z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>)
              : cause instanceof DomainError && cause.field
                ? { [cause.field]: [cause.message] }
                : null,
        },
      };
    },
  });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Turns a DomainError thrown below a router into the matching tRPC error. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.kind, message: cause.message, cause });
  }
  return result;
});

/**
 * Refuses, before any schema or query sees it, a string that PostgreSQL cannot store as sent (NUL)
 * or that is not Unicode (a lone surrogate) anywhere in the raw input, as a BAD_REQUEST naming the
 * field; the per-field text schemas (contracts `SingleLineText`) say more, this catches the rest.
 */
const hostileInput = t.middleware(async ({ getRawInput, next }) => {
  const field = hostileInputField(await getRawInput());
  if (field !== null) throw new DomainError("BAD_REQUEST", "提交的内容含有不允许的字符（如空字符），请删除后重试", field || undefined);
  return next();
});

/** Anyone may call it (login, captcha, registration): declared `public` for the authorization matrix. */
export const publicProcedure = t.procedure
  .use(domainErrors)
  .use(hostileInput)
  .meta({ access: { kind: "public" } });

/**
 * Anyone signed in. A session whose password someone else set (Principal.mustChangePassword) is
 * refused FORBIDDEN with MUST_CHANGE_PASSWORD_MESSAGE, except by a passwordChangeProcedure.
 */
export const authedProcedure = publicProcedure
  .use(({ ctx, meta, next }) => {
    if (!ctx.principal || !ctx.token) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "登录已过期，请重新登录" });
    }
    if (ctx.principal.mustChangePassword && !meta?.duringPasswordChange) throw new TRPCError({ code: "FORBIDDEN", message: MUST_CHANGE_PASSWORD_MESSAGE });
    return next({ ctx: { ...ctx, principal: ctx.principal, token: ctx.token } });
  })
  .meta({ access: { kind: "authed" } });

/** Signed in, and open while the password is temporary: only auth.me, 修改密码 and 退出 are built with it. */
export const passwordChangeProcedure = authedProcedure.meta({ access: { kind: "authed" }, duringPasswordChange: true });

const permissionLabel = new Map<string, string>(permissionModules.map((m) => [m.code, m.label]));

/** A procedure that requires one permission module; super admins hold all of their unit's. */
export function permittedProcedure(permission: Permission) {
  return anyPermissionProcedure(permission);
}

/**
 * How a router reaches its service: `run(useCase)` is the resolver
 * `({ ctx, input }) => useCase(deps, ctx, input)`. serviceRouter makes the one `run` of a service's
 * deps and hands it to every area, so an area is a function of `run` and a procedure reads one line:
 * `list: manage.input(ListRolesInput).output(pageOf(RoleRow)).query(run(unitRoles))`. The use
 * case's parameter types are checked against the service's deps, the builder's context and the
 * input schema's output. Every use case takes (deps, caller, input), so a router never wraps one in
 * an adapter (packages/testkit's architecture test refuses `run((…) => …)` in routers).
 *
 * `run(useCase, callerOf)` hands the use case the caller `callerOf` reads from the context instead
 * of the context: `run(setSuperAdmin, adminManager)` — `callerOf` runs (and may refuse) first.
 */
export interface UseCaseRun<Deps> {
  <Ctx, Input, Output>(useCase: (deps: Deps, ctx: Ctx, input: Input) => Output): (opts: { ctx: Ctx; input: Input }) => Output;
  <Ctx, Caller, Input, Output>(
    useCase: (deps: Deps, caller: Caller, input: Input) => Output,
    callerOf: (ctx: Ctx) => Caller,
  ): (opts: { ctx: Ctx; input: Input }) => Output;
}

/** The `run` of a service's routers, handing each use case `deps` (see UseCaseRun). */
export function useCaseRunner<Deps>(deps: Deps): UseCaseRun<Deps> {
  return <Input, Output>(useCase: (deps: Deps, caller: unknown, input: Input) => Output, callerOf: (ctx: unknown) => unknown = (ctx) => ctx) =>
    ({ ctx, input }: { ctx: unknown; input: Input }) =>
      useCase(deps, callerOf(ctx), input);
}

/**
 * A service's router from its areas: each area is a function of `run` answering its procedures
 * (`departmentsRouter = (run: UseCaseRun<IdentityDeps>) => ({ list: …, create: … })`), mounted
 * under its name with the one `run` of `deps`: `serviceRouter(deps, { departments: departmentsRouter, … })`.
 */
export function serviceRouter<Deps, Areas extends Record<string, (run: UseCaseRun<Deps>) => TRPCCreateRouterOptions>>(deps: Deps, areas: Areas) {
  const run = useCaseRunner(deps);
  const procedures = Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area(run)]));
  return router(procedures as { [Name in keyof Areas]: ReturnType<Areas[Name]> });
}

/**
 * A procedure open to holders of any one of `permissions` (e.g. a page both a viewer and a
 * manager open); refused with FORBIDDEN naming the first module. Declared for the matrix.
 */
export function anyPermissionProcedure(...permissions: [Permission, ...Permission[]]) {
  return authedProcedure
    .use(({ ctx, next }) => {
      if (!permissions.some((p) => ctx.principal.permissions.includes(p))) {
        throw new TRPCError({ code: "FORBIDDEN", message: `没有“${permissionLabel.get(permissions[0])}”的权限` });
      }
      return next();
    })
    .meta({ access: { kind: "permission", permissions } });
}
