import { type ApiTokenPermission, DomainError } from "@ce/contracts";
import { type Logger, unexpectedErrorMessage } from "@ce/service-kit";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z } from "zod";
import type { ReportingDeps } from "../deps.ts";
import { rowsReturned } from "../domain/api-token.ts";
import { type ApiCaller, finishApiCall } from "./authenticate.ts";

/** What every HTTP API call carries: the caller the gate let through (api-tokens/http.ts; null only if a procedure is reached another way), the request id and its logger. */
export interface ApiContext {
  caller: ApiCaller | null;
  requestId: string;
  log: Logger;
}

/** A refused input, with the Chinese message of each field (the body's `data.fieldErrors`). */
class ApiInputError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[] | undefined>,
  ) {
    super(message);
    this.name = "ApiInputError";
  }
}

/**
 * The HTTP API's own tRPC instance: its procedures carry trpc-to-openapi's `openapi` meta (the
 * portal's service-kit instance has none) and plain JSON (no superjson). Errors answer as the
 * portal's do: a fault of ours is `系统繁忙，请稍后再试（错误编号 <requestId>）` with no detail;
 * a refused input names each field in Chinese under `data.fieldErrors`.
 */
const t = initTRPC
  .context<ApiContext>()
  .meta<OpenApiMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
      if (error.code === "INTERNAL_SERVER_ERROR")
        return { ...shape, message: unexpectedErrorMessage(ctx?.requestId ?? "-"), data: { ...data, fieldErrors: null } };
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ApiInputError ? cause.fieldErrors : cause instanceof DomainError && cause.field ? { [cause.field]: [cause.message] } : null;
      return { ...shape, data: { ...data, fieldErrors } };
    },
  });

export const apiRouter = t.router;

/**
 * A refused input's messages by field: each zod issue under its top-level field, and an unknown
 * field (strict objects, isolateInputSchema) under its own name — "不支持的字段“unitId”". Pure.
 */
export function inputFieldErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not an object: a field named "__proto__" must stay a field.
  const out = new Map<string, string[]>();
  const add = (field: string, message: string) => out.set(field, [...(out.get(field) ?? []), message]);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add([...issue.path, key].join("."), unknownFieldMessage(key));
    else add(String(issue.path[0] ?? "请求内容"), issue.message);
  }
  return Object.fromEntries(out);
}

/** The message of a field the operation does not take (the key quoted, cut to 40 characters). */
export const unknownFieldMessage = (key: string) => `不支持的字段“${key.slice(0, 40)}”：请对照 OpenAPI 文档中该接口的参数`;

/**
 * A procedure of the HTTP API that needs the report permission `procedure`. The gate in http.ts
 * has checked the token, its permission and rate and logged the call before the body was read;
 * here the input is checked, the resolver runs with `ctx.caller` (the token as a Principal of its
 * subtree), and the log row is completed with the rows answered or the refusal's code. A refused
 * input answers 400 with every field named (`data.fieldErrors`, unknown fields too); a DomainError
 * of a use case becomes the matching HTTP status with its message, as on tRPC.
 */
export function apiProcedure(deps: Pick<ReportingDeps, "db" | "now">, procedure: ApiTokenPermission) {
  return t.procedure.use(async ({ ctx, next }) => {
    const caller = ctx.caller;
    if (caller === null) throw new TRPCError({ code: "UNAUTHORIZED", message: "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>" });
    const result = await next({ ctx: { ...ctx, caller } });
    if (result.ok) {
      await finishApiCall(deps, caller.useId, { rows: rowsReturned(result.data) });
      return result;
    }
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      await finishApiCall(deps, caller.useId, { errorCode: cause.kind });
      throw new TRPCError({ code: cause.kind, message: cause.message, cause });
    }
    await finishApiCall(deps, caller.useId, { errorCode: result.error.code });
    if (cause instanceof z.ZodError) {
      const fieldErrors = inputFieldErrors(cause);
      const message = [...new Set(Object.values(fieldErrors).flat())].join("；");
      throw new TRPCError({ code: "BAD_REQUEST", message, cause: new ApiInputError(message, fieldErrors) });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") ctx.log.error({ err: cause ?? result.error, procedure }, "API procedure failed");
    return result;
  });
}
