import { isServiceCallTimeout } from "@ce/service-kit/call-timeout";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { isTRPCClientError } from "@trpc/client";
import { z } from "zod";
import { logError } from "./log.server.ts";

export const messages = {
  unavailable: "服务暂时不可用，请稍后再试",
  timeout: "服务响应超时，请稍后再试",
  unexpected: "系统繁忙，请稍后再试",
  invalid: "提交的信息有误，请检查后重试",
  forbidden: "您没有权限进行此操作",
  notFound: "您访问的内容不存在",
  unauthorized: "登录已过期，请重新登录",
} as const;

/**
 * The route parameter `name` (e.g. `unitId` of `/reviews/employers/:unitId`) as a UUID. Anything
 * else — missing, a typed-in `abc` — is thrown as 404 您访问的内容不存在 (messages.notFound) before
 * any service is called: the page's error, as for a record the service does not find.
 */
export function uuidParam(params: LoaderFunctionArgs["params"], name: string): string {
  const parsed = z.uuid().safeParse(params[name]);
  if (!parsed.success) throw data({ message: messages.notFound }, { status: 404 });
  return parsed.data;
}

/** What went wrong with a service call, in the terms a page cares about. */
export type ServiceFailure =
  | { kind: "unauthorized"; message: string; fieldErrors: FieldErrors }
  | { kind: "forbidden"; message: string; fieldErrors: FieldErrors }
  | { kind: "notFound"; message: string; fieldErrors: FieldErrors }
  | { kind: "rejected"; status: number; message: string; fieldErrors: FieldErrors }
  | { kind: "unavailable"; message: string }
  | { kind: "unexpected"; message: string };

type FieldErrors = Record<string, string[]>;

const rejectedStatus: Record<string, number> = {
  BAD_REQUEST: 400,
  PARSE_ERROR: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
};

// Messages for people are Chinese; anything else (a zod dump, an English default) is replaced.
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function fieldErrorsOf(value: unknown): FieldErrors {
  if (!value || typeof value !== "object") return {};
  const out: FieldErrors = {};
  for (const [field, list] of Object.entries(value)) {
    if (Array.isArray(list)) {
      const texts = list.filter((m): m is string => typeof m === "string" && m.length > 0);
      if (texts.length > 0) out[field] = texts;
    }
  }
  return out;
}

/** Sorts an error thrown by a service client into what the page should do about it. */
export function classifyError(error: unknown): ServiceFailure {
  if (!isTRPCClientError(error)) return { kind: "unexpected", message: messages.unexpected };
  const shapeData = error.data as { code?: unknown; fieldErrors?: unknown } | null | undefined;
  const code = typeof shapeData?.code === "string" ? shapeData.code : null;
  // No error shape: the service did not answer (refused, timed out, or a proxy's HTML page).
  if (!code) return { kind: "unavailable", message: isServiceCallTimeout(error) ? messages.timeout : messages.unavailable };
  const fieldErrors = fieldErrorsOf(shapeData?.fieldErrors);
  const said = (fallback: string) => (hasChinese(error.message) ? error.message : fallback);
  if (code === "UNAUTHORIZED") return { kind: "unauthorized", message: said(messages.unauthorized), fieldErrors };
  if (code === "FORBIDDEN") return { kind: "forbidden", message: said(messages.forbidden), fieldErrors };
  if (code === "NOT_FOUND") return { kind: "notFound", message: said(messages.notFound), fieldErrors };
  const status = rejectedStatus[code];
  if (status) return { kind: "rejected", status, message: said(messages.invalid), fieldErrors };
  // Services answer any fault of theirs with 系统繁忙 and an error number the log carries: keep the number for support.
  const numbered = code === "INTERNAL_SERVER_ERROR" && /^系统繁忙，请稍后再试（错误编号 [\w-]{1,64}）$/.test(error.message);
  return { kind: "unexpected", message: numbered ? error.message : messages.unexpected };
}

export interface FormErrors {
  formErrors: string[];
  fieldErrors: FieldErrors;
}

/**
 * Turns a failed service call into errors for a form: a message that names one of the form's
 * fields goes next to it (`aliases` redirects a hidden field's message to a visible one); the
 * rest shows at the top of the form. Unexpected errors are logged and shown as 系统繁忙.
 */
export function toFormErrors(error: unknown, fields: readonly string[], aliases: Readonly<Record<string, string>> = {}): FormErrors {
  const failure = classifyError(error);
  if (failure.kind === "unexpected") logError("service call failed", error);
  if (failure.kind === "unavailable") logError("service unavailable", error);
  if (!("fieldErrors" in failure)) return { formErrors: [failure.message], fieldErrors: {} };

  const fieldErrors: FieldErrors = {};
  const stray: string[] = [];
  for (const [name, list] of Object.entries(failure.fieldErrors)) {
    const target = aliases[name] ?? name;
    if (fields.includes(target)) fieldErrors[target] = [...(fieldErrors[target] ?? []), ...list];
    else stray.push(...list.filter(hasChinese));
  }
  const placed = Object.keys(fieldErrors).length > 0;
  const formErrors = stray.length > 0 ? stray : placed ? [] : [failure.message];
  return { formErrors, fieldErrors };
}

/**
 * The response a loader throws when a service call fails for a reason other than an expired
 * session; the nearest ErrorBoundary shows its Chinese message.
 */
export function errorResponse(failure: Exclude<ServiceFailure, { kind: "unauthorized" }>) {
  return data({ message: failure.message }, { status: failureStatus(failure) });
}

/**
 * The HTTP status a page answers with for a failed service call: 401 unauthorized, 403, 404,
 * the rejection's own (400, 409, 412, 413, 422, 429), 503 unavailable, 500 unexpected.
 */
export function failureStatus(failure: ServiceFailure): number {
  switch (failure.kind) {
    case "unauthorized":
      return 401;
    case "forbidden":
      return 403;
    case "notFound":
      return 404;
    case "rejected":
      return failure.status;
    case "unavailable":
      return 503;
    case "unexpected":
      return 500;
  }
}

/** What Remix's `data(value, init)` builds (a DataWithResponseInit; Remix exports no type guard for it). */
export interface ThrownData {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

/** Whether `value` is a thrown `data(...)` — an error page on purpose (errorResponse, rethrowServiceError), not a bug. */
export function isThrownData(value: unknown): value is ThrownData {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}
