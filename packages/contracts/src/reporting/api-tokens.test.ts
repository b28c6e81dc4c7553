import { describe, expect, it } from "vitest";
import { ApiTokenIdInput, ApiTokenUsesInput, apiTokenPermissions, apiTokenUseOutcome, apiTokenUseProcedureLabel } from "./api-tokens.ts";

// 接口令牌管理 › 调用记录 reads api_token_use's codes: every outcome the gate or a refusal writes has
// the status the caller got and Chinese words; an unknown one shows its code rather than a wrong word.
describe("apiTokenUseOutcome", () => {
  it.each([
    ["ANSWERED", 200, "成功"],
    ["NO_TOKEN", 401, "缺少令牌"],
    ["MALFORMED_AUTHORIZATION", 401, "认证请求头无效"],
    ["UNKNOWN_TOKEN", 401, "令牌无效"],
    ["REVOKED", 401, "令牌已撤销"],
    ["EXPIRED", 401, "令牌已过期"],
    ["NOT_PERMITTED", 403, "无此报表权限"],
    ["OUT_OF_SCOPE", 403, "数据范围已失效"],
    ["RATE_LIMITED", 429, "超出每分钟上限"],
    ["ADDRESS_LIMITED", 429, "本地址调用过多"],
    ["FAILED", 500, "系统错误"],
    ["REFUSED_BAD_REQUEST", 400, "请求有误"],
    ["REFUSED_NOT_FOUND", 404, "接口或数据不存在"],
    ["REFUSED_METHOD_NOT_SUPPORTED", 405, "请求方法不支持"],
    ["REFUSED_PAYLOAD_TOO_LARGE", 413, "请求内容过大"],
    ["REFUSED_UNSUPPORTED_MEDIA_TYPE", 415, "内容类型不支持"],
    ["REFUSED_TOO_MANY_REQUESTS", 429, "证件号查询超出上限"],
    ["REFUSED_FORBIDDEN", 403, "无权访问"],
    ["REFUSED_SOMETHING_NEW", null, "REFUSED_SOMETHING_NEW"],
    ["WHATEVER", null, "WHATEVER"],
  ])("%s → %s %s", (outcome, status, label) => {
    expect(apiTokenUseOutcome(outcome)).toEqual({ status, label });
  });
});

describe("apiTokenUseProcedureLabel", () => {
  it("names every permission by its label", () => {
    for (const p of apiTokenPermissions) expect(apiTokenUseProcedureLabel(p.code)).toBe(p.label);
  });
  it.each([
    ["unknown POST /statistics/nope", "未知接口 POST /statistics/nope"],
    ["unknown GET ", "未知接口 GET "],
    ["somethingElse", "somethingElse"],
  ])("%s → %s", (procedure, label) => {
    expect(apiTokenUseProcedureLabel(procedure)).toBe(label);
  });
});

describe("ApiTokenUsesInput", () => {
  it("takes a token id and the one page request", () => {
    const id = "5d0c8a4e-8a56-4f3c-9d1e-0a3a4f2b7c11";
    expect(ApiTokenUsesInput.parse({ id })).toEqual({ id, page: 1, pageSize: 20 });
    expect(ApiTokenUsesInput.parse({ id, page: "3", pageSize: "50" })).toEqual({ id, page: 3, pageSize: 50 });
    expect(ApiTokenUsesInput.safeParse({ id: "x" }).error?.issues[0]?.message).toBe("令牌编号无效");
  });
});

describe("a token id typed in any case is the same token (break-it probe: 撤销 of an upper-case id revoked it and answered 不存在)", () => {
  const id = "5d0c8a4e-8a56-4f3c-9d1e-0a3a4f2b7c11";
  it.each([id, id.toUpperCase(), "5D0C8A4E-8a56-4F3C-9d1e-0A3A4F2B7C11"])("%s → the lower-case id", (typed) => {
    expect(ApiTokenIdInput.parse({ id: typed })).toEqual({ id });
    expect(ApiTokenUsesInput.parse({ id: typed }).id).toBe(id);
  });
});
