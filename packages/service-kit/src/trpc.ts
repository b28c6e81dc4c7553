import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { DomainError, permissionModules, type Permission, type Principal } from "@ce/contracts";
import type { Logger } from "./logger.ts";

/** What every procedure sees: the caller (if signed in) and request-scoped facts. */
export interface Context {
  principal: Principal | null;
  token: string | null;
  requestId: string;
  clientIp: string | null;
  log: Logger;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
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

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal || !ctx.token) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "登录已过期，请重新登录" });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal, token: ctx.token } });
});

const permissionLabel = new Map<string, string>(permissionModules.map((m) => [m.code, m.label]));

/** A procedure that requires one permission module; super admins hold all of their unit's. */
export function permittedProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!ctx.principal.permissions.includes(permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `没有“${permissionLabel.get(permission)}”的权限` });
    }
    return next();
  });
}
