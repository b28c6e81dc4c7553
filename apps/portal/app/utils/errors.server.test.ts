import { TRPCClientError } from "@trpc/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyError, errorResponse, isThrownData, messages, toFormErrors, uuidParam } from "./errors.server.ts";

/** An error as @trpc/client builds it from a service's error response (service-kit's formatter). */
function serviceError(code: string, message: string, fieldErrors: Record<string, string[]> | null = null) {
  return new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { code, httpStatus: 400, path: "auth.login", fieldErrors } } },
  });
}

const LOGIN_FIELDS = ["userType", "idType", "idNumber", "password", "captchaAnswer", "remember"];

afterEach(() => vi.restoreAllMocks());

describe("turning a service error into form errors", () => {
  it("puts a field's message next to that field", () => {
    const error = serviceError("BAD_REQUEST", "验证码不正确或已过期", { captchaAnswer: ["验证码不正确或已过期"] });
    expect(toFormErrors(error, LOGIN_FIELDS)).toEqual({ formErrors: [], fieldErrors: { captchaAnswer: ["验证码不正确或已过期"] } });
  });

  it("moves a hidden field's message to the visible field it belongs to", () => {
    const error = serviceError("BAD_REQUEST", "请刷新验证码", { captchaId: ["请刷新验证码"] });
    expect(toFormErrors(error, LOGIN_FIELDS, { captchaId: "captchaAnswer" }).fieldErrors).toEqual({ captchaAnswer: ["请刷新验证码"] });
  });

  it("shows a message with no field of the form (e.g. a lockout) above the form", () => {
    const error = serviceError("TOO_MANY_REQUESTS", "密码错误次数过多，账户已锁定，请15分钟后再试");
    expect(toFormErrors(error, LOGIN_FIELDS)).toEqual({ formErrors: ["密码错误次数过多，账户已锁定，请15分钟后再试"], fieldErrors: {} });
  });

  it("shows the messages of fields the form does not have above the form", () => {
    const error = serviceError("BAD_REQUEST", "[zod issues]", { token: ["重置链接无效或已过期"] });
    expect(toFormErrors(error, ["newPassword", "confirmPassword"])).toEqual({ formErrors: ["重置链接无效或已过期"], fieldErrors: {} });
  });

  it("shows a service's 系统繁忙 with its error number, and nothing else a service says about its own faults", () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const numbered = serviceError("INTERNAL_SERVER_ERROR", "系统繁忙，请稍后再试（错误编号 5f0c2a9e-1b7d-4c3e-9a51-0d2f7e8b6c41）");
    expect(toFormErrors(numbered, LOGIN_FIELDS).formErrors).toEqual(["系统繁忙，请稍后再试（错误编号 5f0c2a9e-1b7d-4c3e-9a51-0d2f7e8b6c41）"]);
    for (const leak of ['Invalid `prisma.unit.findMany()` invocation: relation "x" does not exist', "系统繁忙，请稍后再试（错误编号 x）<script>"]) {
      expect(toFormErrors(serviceError("INTERNAL_SERVER_ERROR", leak), LOGIN_FIELDS).formErrors).toEqual([messages.unexpected]);
    }
  });

  it("never shows a message that is not Chinese", () => {
    const error = serviceError("BAD_REQUEST", "Input validation failed");
    expect(toFormErrors(error, LOGIN_FIELDS).formErrors).toEqual([messages.invalid]);
  });

  it("says the service is unavailable when it did not answer", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const error = TRPCClientError.from(new TypeError("fetch failed"));
    expect(toFormErrors(error, LOGIN_FIELDS)).toEqual({ formErrors: ["服务暂时不可用，请稍后再试"], fieldErrors: {} });
    expect(stderr).toHaveBeenCalled();
  });

  it("says 系统繁忙 for an internal error and logs it on the server", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(toFormErrors(serviceError("INTERNAL_SERVER_ERROR", "boom at db.ts:12"), LOGIN_FIELDS).formErrors).toEqual(["系统繁忙，请稍后再试"]);
    expect(toFormErrors(new Error("bug"), LOGIN_FIELDS).formErrors).toEqual(["系统繁忙，请稍后再试"]);
    expect(stderr).toHaveBeenCalledTimes(2);
    expect(String(stderr.mock.calls[0]?.[0])).toContain("boom at db.ts:12");
  });
});

describe("classifying a service error for a page", () => {
  it("recognises an expired session", () => {
    expect(classifyError(serviceError("UNAUTHORIZED", "登录已过期，请重新登录")).kind).toBe("unauthorized");
  });

  it("answers a refused page with the service's Chinese message and a matching status", async () => {
    const response = errorResponse(classifyError(serviceError("FORBIDDEN", "没有“查看下级单位”的权限")) as Parameters<typeof errorResponse>[0]);
    expect(response.init?.status).toBe(403);
    expect(response.data).toEqual({ message: "没有“查看下级单位”的权限" });
  });

  it("answers an unreachable service with 503 服务暂时不可用", () => {
    const response = errorResponse(classifyError(TRPCClientError.from(new TypeError("fetch failed"))) as Parameters<typeof errorResponse>[0]);
    expect(response.init?.status).toBe(503);
    expect(response.data).toEqual({ message: "服务暂时不可用，请稍后再试" });
  });
});

// A detail page's id from the address is checked before any service call: 404 您访问的内容不存在 otherwise.
describe("uuidParam", () => {
  const id = "0b6f3c1e-2d4a-4c8b-9e7f-1a2b3c4d5e6f";
  it("gives the parameter back when it is a UUID", () => {
    expect(uuidParam({ unitId: id }, "unitId")).toBe(id);
  });

  it.each([
    ["missing", {}],
    ["not a UUID", { unitId: "abc" }],
    ["another parameter's UUID only", { id }],
  ])("throws 404 您访问的内容不存在 when %s", (_, params) => {
    let thrown: unknown;
    try {
      uuidParam(params, "unitId");
    } catch (e) {
      thrown = e;
    }
    expect(isThrownData(thrown) && { status: thrown.init?.status, data: thrown.data }).toEqual({ status: 404, data: { message: messages.notFound } });
  });
});
