// API tokens and the HTTP API (issue 11 items 1, 2, 4) on the hand-computed fixture of
// support/statistics-fixture.ts: a super admin of 济南 makes tokens through tRPC; the tokens call
// /api/v1/… on the service's own port. Scope (a sibling unit refused), permissions, revocation,
// expiry, the per-token rate, every use logged, and 学时达标情况 as of a date unchanged by later events.
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit";
import { testServiceAuth } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTokenSecret } from "../src/api-tokens/secret.ts";
import { adminClient, type ReportingClient, type ReportingSystem } from "./support/boot.ts";
import { settled } from "./support/events.ts";
import { refusal } from "./support/refusal.ts";
import { bootStatistics, jinan, jnBus, province, qingdao, w2g, wang2 } from "./support/statistics-fixture.ts";

let sys: ReportingSystem;
let jinanAdmin: ReportingClient;
let api: string;

beforeAll(async () => {
  ({ sys, jinanAdmin } = await bootStatistics("apitokens"));
  api = sys.app.url.replace(/\/trpc$/, "/api/v1");
}, 60_000);
afterAll(() => sys.cleanup());

/** One HTTP API call: POST JSON with the bearer token (when given); the status and parsed body. */
async function call(path: string, body: unknown, secret?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The use log of a token (or of unknown tokens with null), oldest first. */
const uses = (tokenId: string | null) =>
  sys.app.db.apiTokenUse.findMany({ where: { tokenId }, orderBy: { id: "asc" }, select: { procedure: true, outcome: true, rowsReturned: true } });

const make = (over: Partial<Parameters<ReportingClient["apiTokens"]["create"]["mutate"]>[0]> = {}) =>
  jinanAdmin.apiTokens.create.mutate({ name: "分析令牌", permissions: ["professionalCounts", "complianceAsOf"], ...over });

describe("apiTokens (接口令牌管理)", () => {
  it("creates a token of the caller's unit: the secret once, only its SHA-256 stored, listed without it", async () => {
    const made = await make({ name: "年报分析" });
    expect(made.secret).toMatch(/^cet_[A-Za-z0-9_-]{43}$/);
    expect(made.token).toMatchObject({
      name: "年报分析",
      prefix: made.secret.slice(0, 12),
      scopeUnitId: jinan.data.unitId,
      scopeUnitName: "济南市交通运输局",
      status: "ACTIVE",
      ratePerMinute: 60,
    });
    // Default 有效期 90 days from "now" (2026-07-20T04:00Z).
    expect(made.token.expiresAt).toBe("2026-10-18T04:00:00.000Z");
    const row = await sys.app.db.apiToken.findUniqueOrThrow({ where: { id: made.token.id } });
    expect(Buffer.from(row.secretHash).equals(hashTokenSecret(made.secret))).toBe(true);
    const list = await jinanAdmin.apiTokens.list.query();
    expect(list.items.map((t) => t.id)).toContain(made.token.id);
    expect(JSON.stringify(list)).not.toContain(made.secret);
  });

  it("refuses a scope outside the caller's subtree, a year's 有效期 exceeded, and anyone but a super admin", async () => {
    expect(await refusal(make({ scopeUnitId: qingdao.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { scopeUnitId: ["数据范围不存在或不在您的管理范围内"] },
    });
    expect(await refusal(make({ validDays: 366 }))).toEqual({ code: "BAD_REQUEST", fields: { validDays: ["有效期不能超过365天"] } });
    expect(await refusal(make({ permissions: [] }))).toEqual({ code: "BAD_REQUEST", fields: { permissions: ["请至少选择一项报表权限"] } });
    const viewer = await adminClient(sys, jinan, { permissions: ["stats.view"] });
    const refused = await refusal(viewer.apiTokens.create.mutate({ name: "x", permissions: ["professionalCounts"] }));
    expect(refused?.code).toBe("FORBIDDEN");
    expect(await refusal(viewer.apiTokens.list.query())).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the HTTP API with a token", () => {
  it("answers the token's subtree as the tRPC procedure does, and logs the use with its rows", async () => {
    const { secret, token } = await make();
    const viaApi = await call("/statistics/professional-counts", { asOf: "2026-06-30" }, secret);
    expect(viaApi.status).toBe(200);
    const viaTrpc = await jinanAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30" });
    expect(viaApi.body).toEqual(JSON.parse(JSON.stringify(viaTrpc)));
    expect(viaApi.body.unitName).toBe("济南市交通运输局");
    expect(await uses(token.id)).toEqual([{ procedure: "professionalCounts", outcome: "ANSWERED", rowsReturned: viaTrpc.items.length }]);
    const listed = (await jinanAdmin.apiTokens.list.query()).items.find((t) => t.id === token.id);
    expect(listed?.lastUsedAt).toBe("2026-07-20T04:00:00.000Z");
  });

  it("refuses a sibling unit's data (NOT_FOUND naming the field) and logs the refusal", async () => {
    const { secret, token } = await make();
    const r = await call("/statistics/professional-counts", { asOf: "2026-06-30", unitId: qingdao.data.unitId }, secret);
    expect(r.status).toBe(404);
    expect(r.body.message).toBe("单位不存在或不在您的管理范围内");
    expect(JSON.stringify(r.body)).not.toContain("青岛");
    expect(await uses(token.id)).toEqual([{ procedure: "professionalCounts", outcome: "REFUSED_NOT_FOUND", rowsReturned: 0 }]);
  });

  it("refuses a token narrowed to a sub-unit outside it, and a report it was not granted", async () => {
    const { secret, token } = await make({ scopeUnitId: jnBus.data.unitId, permissions: ["professionalCounts"] });
    const own = await call("/statistics/professional-counts", { asOf: "2026-06-30" }, secret);
    expect(own.status).toBe(200);
    expect(own.body.unitName).toBe("济南公交集团");
    expect((await call("/statistics/professional-counts", { asOf: "2026-06-30", unitId: jinan.data.unitId }, secret)).status).toBe(404);
    const notGranted = await call("/statistics/title-distribution", { to: "2026-06-30" }, secret);
    expect(notGranted).toEqual({ status: 403, body: expect.objectContaining({ code: "FORBIDDEN", message: "接口令牌没有“职称系列分布情况”的权限" }) });
    expect((await uses(token.id)).map((u) => u.outcome)).toEqual(["ANSWERED", "REFUSED_NOT_FOUND", "NOT_PERMITTED"]);
  });

  it("refuses a revoked token from its next call on, and an expired one, each logged", async () => {
    const { secret, token } = await make();
    expect((await call("/statistics/professional-counts", {}, secret)).status).toBe(200);
    const revoked = await jinanAdmin.apiTokens.revoke.mutate({ id: token.id });
    expect(revoked.status).toBe("REVOKED");
    expect(await refusal(jinanAdmin.apiTokens.revoke.mutate({ id: token.id }))).toEqual({ code: "CONFLICT", fields: { id: ["该令牌已撤销"] } });
    const after = await call("/statistics/professional-counts", {}, secret);
    expect(after).toEqual({
      status: 401,
      body: expect.objectContaining({ code: "UNAUTHORIZED", message: "接口令牌已撤销，请向本单位超级管理员申请新的令牌" }),
    });

    const other = await make();
    await sys.app.db.apiToken.update({ where: { id: other.token.id }, data: { expiresAt: new Date("2026-07-20T03:59:59.999Z") } });
    const expired = await call("/statistics/professional-counts", {}, other.secret);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe("接口令牌已于2026-07-20 11:59:59过期，请向本单位超级管理员申请新的令牌");
    expect((await jinanAdmin.apiTokens.list.query()).items.find((t) => t.id === other.token.id)?.status).toBe("EXPIRED");
    expect((await uses(token.id)).map((u) => u.outcome)).toEqual(["ANSWERED", "REVOKED"]);
    expect((await uses(other.token.id)).map((u) => u.outcome)).toEqual(["EXPIRED"]);
  });

  it("refuses calls beyond the token's rate per minute with 429, logged, and counts per token", async () => {
    const { secret, token } = await make({ ratePerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("/statistics/professional-counts", {}, secret)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const over = await call("/statistics/professional-counts", {}, secret);
    expect(over.body.message).toBe("接口令牌调用过于频繁：每分钟最多2次，请稍后再试");
    expect((await uses(token.id)).map((u) => u.outcome)).toEqual(["ANSWERED", "ANSWERED", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    // Another token of the same unit has its own budget.
    expect((await call("/statistics/professional-counts", {}, (await make()).secret)).status).toBe(200);
  });

  it("refuses a missing, malformed or unknown token with a Chinese message, logged without a token", async () => {
    const before = (await uses(null)).length;
    expect(await call("/statistics/professional-counts", {})).toEqual({
      status: 401,
      body: expect.objectContaining({ message: "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>" }),
    });
    expect((await call("/statistics/professional-counts", {}, "not-a-token")).body.message).toBe("接口令牌无效，请向本单位超级管理员申请新的令牌");
    expect((await call("/statistics/professional-counts", {}, `cet_${"A".repeat(43)}`)).status).toBe(401);
    expect((await uses(null)).slice(before).map((u) => u.outcome)).toEqual(["NO_TOKEN", "UNKNOWN_TOKEN", "UNKNOWN_TOKEN"]);
  });

  it("logs the address the portal vouches for (its /api/v1 proxy), and the socket's for anyone else", async () => {
    const { secret, token } = await make();
    await call("/statistics/professional-counts", {}, secret, { "x-client-ip": "203.0.113.9" });
    const portal = signServiceAuth({ caller: testServiceAuth.caller, audience: "reporting", privateKey: testServiceAuth.privateKey });
    await call("/statistics/professional-counts", {}, secret, { "x-client-ip": "203.0.113.9", [SERVICE_AUTH_HEADER]: portal });
    const rows = await sys.app.db.apiTokenUse.findMany({ where: { tokenId: token.id }, orderBy: { id: "asc" }, select: { clientIp: true } });
    expect(rows.map((r) => r.clientIp)).toEqual([expect.stringMatching(/127\.0\.0\.1$/), "203.0.113.9"]);
  });

  it("answers bad input with 400 and the field's Chinese message", async () => {
    const { secret } = await make();
    const r = await call("/statistics/professional-counts", { asOf: "2026-02-30" }, secret);
    expect(r.status).toBe(400);
    expect(r.body.data.fieldErrors.asOf).toEqual([expect.stringContaining("统计时间")]);
    expect(r.body.message).toContain("统计时间");
  });
});

describe('统计时间 and final answers: one rule for every as-of input ("today" is 2026-07-20 in Beijing)', () => {
  // [case, operation, body, status, final or the refused field and message]
  const cases: Array<[string, string, Record<string, unknown>, 200 | 400, boolean | [string, string]]> = [
    ["yesterday", "professional-counts", { asOf: "2026-07-19" }, 200, true],
    ["today", "professional-counts", { asOf: "2026-07-20" }, 200, false],
    ["today by default", "professional-counts", {}, 200, false],
    ["tomorrow", "professional-counts", { asOf: "2026-07-21" }, 400, ["asOf", "统计时间不能晚于今天（2026-07-20）"]],
    ["far past", "professional-counts", { asOf: "2000-01-01" }, 200, true],
    ["before the platform's data", "professional-counts", { asOf: "1999-12-31" }, 400, ["asOf", "统计时间不能早于2000-01-01"]],
    ["last year's last day", "professional-counts", { asOf: "2025-12-31" }, 200, true],
    ["this year's first day", "professional-counts", { asOf: "2026-01-01" }, 200, true],
    ["学时达标情况 yesterday", "compliance-as-of", { idNumber: "37010219810202002X", fromYear: 2026, toYear: 2026, asOf: "2026-07-19" }, 200, true],
    ["学时达标情况 today", "compliance-as-of", { idNumber: "37010219810202002X", fromYear: 2026, toYear: 2026, asOf: "2026-07-20" }, 200, false],
    [
      "学时达标情况 tomorrow",
      "compliance-as-of",
      { idNumber: "37010219810202002X", fromYear: 2026, toYear: 2026, asOf: "2026-07-21" },
      400,
      ["asOf", "统计时间不能晚于今天（2026-07-20）"],
    ],
    ["职称系列分布 to yesterday", "title-distribution", { to: "2026-07-19" }, 200, true],
    ["职称系列分布 to today", "title-distribution", { to: "2026-07-20" }, 200, false],
    ["职称系列分布 to tomorrow", "title-distribution", { to: "2026-07-21" }, 400, ["to", "结束时间不能晚于今天（2026-07-20）"]],
    ["每月审核通过学时 to the end of last year", "approved-hours-by-month", { from: "2025-01-01", to: "2025-12-31" }, 200, true],
    ["每月审核通过学时 to today", "approved-hours-by-month", {}, 200, false],
  ];
  let secret: string;
  beforeAll(async () => {
    ({ secret } = await make({ permissions: ["professionalCounts", "complianceAsOf", "titleDistribution", "approvedHoursByMonth"], ratePerMinute: 600 }));
  });

  it.each(cases)("%s: %s %j → %s %j", async (_case, op, body, status, outcome) => {
    const r = await call(`/statistics/${op}`, body, secret);
    expect(r.status).toBe(status);
    if (typeof outcome === "boolean") expect(r.body.final).toBe(outcome);
    else expect([r.body.message, r.body.data.fieldErrors]).toEqual([outcome[1], { [outcome[0]]: [outcome[1]] }]);
  });
});

describe("调用记录 (apiTokens.uses)", () => {
  it("lists one token's calls newest first: operation, outcome, rows, the 证件号 lookup it made, the address masked; paged", async () => {
    const { secret, token } = await make({ name: "调用记录" });
    const portal = () => ({
      "x-client-ip": "203.0.113.9",
      [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: testServiceAuth.caller, audience: "reporting", privateKey: testServiceAuth.privateKey }),
    });
    await call("/statistics/professional-counts", { asOf: "2026-06-30" }, secret, portal());
    await call("/statistics/compliance-as-of", { idNumber: "37010219810202002X", fromYear: 2026, toYear: 2026, asOf: "2026-06-30" }, secret, portal());
    await call("/statistics/title-distribution", {}, secret, portal());
    await call("/statistics/professional-counts", { asOf: "2026-02-30" }, secret, portal());
    const all = await jinanAdmin.apiTokens.uses.query({ id: token.id });
    expect(all.token).toEqual({ id: token.id, name: "调用记录", prefix: token.prefix, status: "ACTIVE" });
    expect(all.total).toBe(4);
    expect(all.items.map((u) => [u.procedure, u.outcome, u.rows, u.idLookup, u.clientAddress])).toEqual([
      ["professionalCounts", "REFUSED_BAD_REQUEST", 0, null, "203.0.113.*"],
      ["titleDistribution", "NOT_PERMITTED", null, null, "203.0.113.*"],
      ["complianceAsOf", "ANSWERED", 1, { found: 1 }, "203.0.113.*"],
      ["professionalCounts", "ANSWERED", 3, null, "203.0.113.*"],
    ]);
    expect(JSON.stringify(all)).not.toContain("203.0.113.9");
    expect(JSON.stringify(all)).not.toContain("37010219810202002X");
    // The one pager: page 2 of 3 a page; a page past the end serves the last.
    const second = await jinanAdmin.apiTokens.uses.query({ id: token.id, page: 2, pageSize: 3 });
    expect([second.page, second.total, second.items.map((u) => u.procedure)]).toEqual([2, 4, ["professionalCounts"]]);
    expect((await jinanAdmin.apiTokens.uses.query({ id: token.id, page: 9, pageSize: 3 })).page).toBe(2);
  });

  it("reads only a token of the caller's own unit: another unit's token — even a subordinate's, asked by the province — is NOT_FOUND", async () => {
    const { token } = await make();
    await call("/statistics/professional-counts", {}, (await make()).secret);
    const notFound = { code: "NOT_FOUND", fields: { id: ["令牌不存在或不属于本单位"] } };
    expect(await refusal((await adminClient(sys, qingdao)).apiTokens.uses.query({ id: token.id }))).toEqual(notFound);
    expect(await refusal((await adminClient(sys, province)).apiTokens.uses.query({ id: token.id }))).toEqual(notFound);
    expect(await refusal(jinanAdmin.apiTokens.uses.query({ id: "00000000-0000-4000-8000-000000000000" }))).toEqual(notFound);
    expect(await refusal(jinanAdmin.apiTokens.uses.query({ id: "abc" }))).toEqual({ code: "BAD_REQUEST", fields: { id: ["令牌编号无效"] } });
    const viewer = await adminClient(sys, jinan, { permissions: ["stats.view"] });
    expect(await refusal(viewer.apiTokens.uses.query({ id: token.id }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("学时达标情况 as of a date (complianceAsOf)", () => {
  const question = { idNumber: "37010219810202002X", fromYear: 2025, toYear: 2026, asOf: "2026-06-30" };
  const expected = {
    asOf: "2026-06-30",
    final: true,
    fromYear: 2025,
    toYear: 2026,
    people: [
      {
        accountId: wang2.accountId,
        name: "王二",
        idNumberMasked: "370102********002X",
        unitName: "济南公交集团",
        // 王二 was registered on 2026-01-10: 2025 is before his registration, no person-year, not answered (as 人年抽取 has no row).
        years: [{ year: 2026, general: 30, professional: 60, total: 90, compliant: true }],
      },
    ],
  };

  it("answers by 证件号 over tRPC and the HTTP API alike, and the same after a later change", async () => {
    const { secret, token } = await make();
    expect(await jinanAdmin.statistics.complianceAsOf.query(question)).toEqual(expected);
    const before = await call("/statistics/compliance-as-of", question, secret);
    expect(before).toEqual({ status: 200, body: expected });
    // Later: 王二's 公需 30 is voided too (after 07-15's voided 专业 60).
    await sys.hours.publish(w2g.voided("2026-07-19T02:00:00.000Z"));
    await settled(sys);
    expect(await call("/statistics/compliance-as-of", question, secret)).toEqual({ status: 200, body: expected });
    const today = await call("/statistics/compliance-as-of", { ...question, asOf: undefined }, secret);
    expect(today.body.people[0].years[0]).toEqual({ year: 2026, general: 0, professional: 0, total: 0, compliant: false });
    // Today's answer says it is not final: the day is not closed.
    expect([today.body.asOf, today.body.final]).toEqual(["2026-07-20", false]);
    expect((await uses(token.id)).map((u) => [u.outcome, u.rowsReturned])).toEqual([
      ["ANSWERED", 1],
      ["ANSWERED", 1],
      ["ANSWERED", 1],
    ]);
    // Every lookup by 证件号 is counted against the token's own budget and logged with whom it found.
    const lookups = await sys.app.db.idLookupLog.findMany({ where: { viewerId: token.id } });
    expect(lookups.map((l) => [l.purpose, l.found])).toEqual(Array(3).fill(["学时达标情况：按证件号查询", [wang2.accountId]]));
  });

  it("refuses a person outside the token's subtree, a window over 10 years, and the field is named", async () => {
    const { secret } = await make({ scopeUnitId: jnBus.data.unitId });
    // 李四 is in 青岛.
    const li = await call("/statistics/compliance-as-of", { ...question, idNumber: "370202197005050055" }, secret);
    expect(li.status).toBe(404);
    expect(li.body.data.fieldErrors).toEqual({ idNumber: ["未找到该证件号的人员，或其不在您的管理范围内"] });
    const wide = await call("/statistics/compliance-as-of", { ...question, fromYear: 2010, toYear: 2026 }, secret);
    expect(wide.status).toBe(400);
    expect(wide.body.data.fieldErrors.toYear).toEqual(["年度范围不能超过10年"]);
  });
});
