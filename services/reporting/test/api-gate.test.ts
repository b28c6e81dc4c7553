// The HTTP API's one gate (issue 11 faults 3, 4, 5, 6, 7, 10): for every request under /api/v1 the
// token, its rate and the use log come first — whatever the body, path or method — then the path
// and method (Chinese 404 / 405), then the body (Chinese 400 / 413 / 415, each logged with its
// request id), then the input (strict: an unknown field named). Calls without a usable token are
// limited per address in Redis before any row is written. 学时达标情况 refuses years it cannot know
// and counts lookups against the token's own daily budget. On the fixture of statistics-fixture.ts.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit";
import { testServiceAuth } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS_CALL_LIMIT } from "../src/domain/api-token.ts";
import type { ReportingClient, ReportingSystem } from "./support/boot.ts";
import { refusal } from "./support/refusal.ts";
import { bootStatistics } from "./support/statistics-fixture.ts";

let sys: ReportingSystem;
let jinanAdmin: ReportingClient;
let origin: string;

beforeAll(async () => {
  ({ sys, jinanAdmin } = await bootStatistics("apigate"));
  origin = new URL(sys.app.url).origin;
}, 60_000);
afterAll(() => sys.cleanup());

const make = (over: Partial<Parameters<ReportingClient["apiTokens"]["create"]["mutate"]>[0]> = {}) =>
  jinanAdmin.apiTokens.create.mutate({
    name: "网关测试",
    permissions: ["professionalCounts", "titleDistribution", "professionals", "complianceAsOf"],
    ...over,
  });

/** A request sent exactly as given (path not normalised, raw body bytes), as curl --path-as-is would. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any; text: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: opts.method ?? "POST", path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const json = { "content-type": "application/json" };
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const counts = "/api/v1/statistics/professional-counts";

/** The use log of a token, oldest first. */
const uses = (tokenId: string) =>
  sys.app.db.apiTokenUse.findMany({ where: { tokenId }, orderBy: { id: "asc" }, select: { procedure: true, outcome: true, requestId: true } });

describe("调用记录 keeps no caller-chosen text beyond the path (break-it probe)", () => {
  it.each([
    ["a path that fails normalisation, with a 证件号 in the query", "/api/v1/../x?idNumber=370102198001010011", "unknown POST /api/v1/../x"],
    ["an unknown path with a query and a fragment", "/api/v1/statistics/x?idNumber=370102198001010011#y", "unknown POST /statistics/x"],
  ])("%s: logged as its path only", async (_, path, logged) => {
    const { secret, token } = await make();
    await raw({ path, headers: { ...json, ...bearer(secret) }, body: "{}" });
    const [use] = await uses(token.id);
    expect(use?.procedure).toBe(logged);
    expect(JSON.stringify(await uses(token.id))).not.toContain("370102198001010011");
  });

  it.each([["R".repeat(6000)], ["<img src=x onerror=alert(1)>"], ["two words"]])("a request id like %s is replaced by a new UUID", async (requestId) => {
    const { secret, token } = await make();
    const r = await raw({ path: counts, headers: { ...json, ...bearer(secret), "x-request-id": requestId }, body: "{}" });
    expect(r.status).toBe(200);
    const [use] = await uses(token.id);
    expect(use?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the token comes first, whatever the body", () => {
  const bodies: Array<[string, Record<string, string>, string]> = [
    ["invalid JSON", json, "{"],
    ["a __proto__ body", json, '{"__proto__":{"x":1}}'],
    ["text/plain", { "content-type": "text/plain" }, "asOf=2026-06-30"],
    ["a form", { "content-type": "application/x-www-form-urlencoded" }, "asOf=2026-06-30"],
    ["no content type", {}, "{}"],
    ["nested 5000 deep", json, `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["over 64 KiB", json, JSON.stringify({ asOf: "x".repeat(70_000) })],
  ];

  it.each(bodies)("a revoked token with %s is refused 401 and logged", async (_case, headers, body) => {
    const { secret, token } = await make();
    await jinanAdmin.apiTokens.revoke.mutate({ id: token.id });
    const r = await raw({ path: counts, headers: { ...headers, ...bearer(secret) }, body });
    expect([r.status, r.body.message]).toEqual([401, "接口令牌已撤销，请向本单位超级管理员申请新的令牌"]);
    expect((await uses(token.id)).map((u) => u.outcome)).toEqual(["REVOKED"]);
  });

  it("a token over its rate is refused 429 with Retry-After before its body is read", async () => {
    const { secret, token } = await make({ ratePerMinute: 1 });
    expect((await raw({ path: counts, headers: { ...json, ...bearer(secret) }, body: "{}" })).status).toBe(200);
    const r = await raw({ path: counts, headers: { "content-type": "text/plain", ...bearer(secret) }, body: "{" });
    expect(r.status).toBe(429);
    expect(Number(r.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(r.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect((await uses(token.id)).map((u) => u.outcome)).toEqual(["ANSWERED", "RATE_LIMITED"]);
  });
});

describe("then the path, the method and the body — each refusal in Chinese JSON and logged", () => {
  it.each<[string, { method?: string; path: string; headers?: Record<string, string>; body?: string }, number, string, string]>([
    ["invalid JSON", { path: counts, headers: json, body: "{" }, 400, "REFUSED_BAD_REQUEST", "请求内容不是有效的 JSON"],
    [
      "nested 5000 deep",
      { path: counts, headers: json, body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
      400,
      "REFUSED_BAD_REQUEST",
      "请求内容嵌套过深：JSON 最多32层",
    ],
    ["null", { path: counts, headers: json, body: "null" }, 400, "REFUSED_BAD_REQUEST", "请求内容须为 JSON 对象（{…}），收到的是null"],
    ["an array", { path: counts, headers: json, body: "[]" }, 400, "REFUSED_BAD_REQUEST", "请求内容须为 JSON 对象（{…}），收到的是数组"],
    ["text", { path: counts, headers: json, body: '"x"' }, 400, "REFUSED_BAD_REQUEST", "请求内容须为 JSON 对象（{…}），收到的是文本"],
    ["a number", { path: counts, headers: json, body: "5" }, 400, "REFUSED_BAD_REQUEST", "请求内容须为 JSON 对象（{…}），收到的是数字"],
    [
      "text/plain",
      { path: counts, headers: { "content-type": "text/plain" }, body: "{}" },
      415,
      "REFUSED_UNSUPPORTED_MEDIA_TYPE",
      "不支持的请求内容类型“text/plain”：须为 application/json",
    ],
    [
      "a form",
      { path: counts, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" },
      415,
      "REFUSED_UNSUPPORTED_MEDIA_TYPE",
      "不支持的请求内容类型“application/x-www-form-urlencoded”：须为 application/json",
    ],
    [
      "no content type",
      { path: counts, body: "{}" },
      415,
      "REFUSED_UNSUPPORTED_MEDIA_TYPE",
      "缺少 Content-Type 请求头：请求内容须为 JSON（Content-Type: application/json）",
    ],
    [
      "over 64 KiB",
      { path: counts, headers: json, body: JSON.stringify({ asOf: "x".repeat(70_000) }) },
      413,
      "REFUSED_PAYLOAD_TOO_LARGE",
      "请求内容过大：不能超过64 KiB",
    ],
    [
      "the portal's too-large mark",
      { path: counts, headers: { ...json, "x-ce-body-too-large": "1" } },
      413,
      "REFUSED_PAYLOAD_TOO_LARGE",
      "请求内容过大：不能超过64 KiB",
    ],
    [
      "an unknown path",
      { path: "/api/v1/statistics/nope", headers: json, body: "{}" },
      404,
      "REFUSED_NOT_FOUND",
      "接口不存在：/api/v1/statistics/nope；可用的接口见 OpenAPI 文档（/api/v1/openapi.json）",
    ],
    [
      "a climb out of /api/v1",
      { path: "/api/v1/../../trpc/statistics.professionalCounts", headers: json, body: "{}" },
      404,
      "REFUSED_NOT_FOUND",
      "接口不存在：请求路径无效；可用的接口见 OpenAPI 文档（/api/v1/openapi.json）",
    ],
    [
      "an encoded climb",
      { path: "/api/v1/%2e%2e/%2e%2e/healthz", headers: json, body: "{}" },
      404,
      "REFUSED_NOT_FOUND",
      "接口不存在：请求路径无效；可用的接口见 OpenAPI 文档（/api/v1/openapi.json）",
    ],
    [
      "GET on a POST operation",
      { method: "GET", path: counts },
      405,
      "REFUSED_METHOD_NOT_SUPPORTED",
      "接口 /api/v1/statistics/professional-counts 只接受 POST 请求",
    ],
  ])("%s", async (_case, req, status, outcome, message) => {
    const { secret, token } = await make();
    const requestId = `gate-${Math.random().toString(36).slice(2)}`;
    const r = await raw({ ...req, headers: { ...req.headers, ...bearer(secret), "x-request-id": requestId } });
    expect([r.status, r.body.message, r.body.code]).toEqual([status, message, outcome.replace("REFUSED_", "")]);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    if (status === 405) expect(r.headers.allow).toBe("POST");
    // The use is logged with its request id: the token was checked first, then the request refused.
    expect((await uses(token.id)).map((u) => [u.outcome, u.requestId])).toEqual([[outcome, requestId]]);
  });

  it("names an unknown field (the filter is employerId, not unitId) and a __proto__ key, instead of answering the whole scope", async () => {
    const { secret } = await make();
    const r = await raw({
      path: "/api/v1/statistics/title-distribution",
      headers: { ...json, ...bearer(secret) },
      body: '{"unitId":"86e48d26-0b18-4480-8e7f-60681e92f702"}',
    });
    expect(r.status).toBe(400);
    expect(r.body.data.fieldErrors).toEqual({ unitId: ["不支持的字段“unitId”：请对照 OpenAPI 文档中该接口的参数"] });
    const proto = await raw({ path: counts, headers: { ...json, ...bearer(secret) }, body: '{"__proto__":{"x":1}}' });
    expect([proto.status, Object.keys(proto.body.data.fieldErrors)]).toEqual([400, ["__proto__"]]);
  });

  it.each<[string, string, unknown, Record<string, string[]>]>([
    ["统计时间 as a number", counts, { asOf: 20260630 }, { asOf: ["统计时间须为YYYY-MM-DD格式的日期文本"] }],
    ["每页条数 1e9", "/api/v1/statistics/professionals", { pageSize: 1e9 }, { pageSize: ["每页条数须为1至200的整数"] }],
    ["页码 0", "/api/v1/statistics/professionals", { page: 0 }, { page: ["页码须为1至999999999的整数"] }],
    [
      "开始年度 2026.5",
      "/api/v1/statistics/compliance-as-of",
      { idNumber: "37010219810202002X", fromYear: 2026.5, toYear: 2026 },
      { fromYear: ["开始年度须为整数年份"] },
    ],
  ])("says what is wrong with %s, naming the field", async (_case, path, body, fieldErrors) => {
    const { secret } = await make();
    const r = await raw({ path, headers: { ...json, ...bearer(secret) }, body: JSON.stringify(body) });
    expect([r.status, r.body.data.fieldErrors]).toEqual([400, fieldErrors]);
  });
});

describe("the OpenAPI document, the one exception to the gate", () => {
  // The committed file test/openapi.test.ts validates (and keeps equal to what the router generates).
  const committed = readFileSync(new URL("../../../docs/openapi/reporting.json", import.meta.url), "utf8");

  it.each(["/api/v1/openapi.json", "/api/v1//openapi.json", "/api/v1/statistics/../openapi.json"])(
    "GET %s answers the committed docs/openapi/reporting.json to anyone, JSON, cacheable, not logged",
    async (path) => {
      const before = await sys.app.db.apiTokenUse.count();
      const r = await raw({ method: "GET", path });
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(r.headers["cache-control"]).toBe("public, max-age=300");
      expect(r.text).toBe(committed);
      expect(r.body.openapi).toMatch(/^3\.1\./);
      expect(await sys.app.db.apiTokenUse.count()).toBe(before);
    },
  );

  it("HEAD answers its headers; any other method goes through the gate like any request", async () => {
    const head = await raw({ method: "HEAD", path: "/api/v1/openapi.json" });
    expect([head.status, head.headers["content-type"], head.text]).toEqual([200, "application/json; charset=utf-8", ""]);
    const post = await raw({ path: "/api/v1/openapi.json", headers: json, body: "{}" });
    expect([post.status, post.body.message]).toEqual([401, "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>"]);
  });
});

describe("an Authorization header that is not one bearer token", () => {
  it.each([
    ["Basic dXNlcjpwYXNz", "Authorization 请求头无效：不支持“Basic”认证方式；应为 Authorization: Bearer <令牌>"],
    [`Bearer cet_${"A".repeat(43)} cet_${"B".repeat(43)}`, "Authorization 请求头无效：只能提供一个令牌；应为 Authorization: Bearer <令牌>"],
    ["Bearer", "Authorization 请求头无效：Bearer 后没有令牌；应为 Authorization: Bearer <令牌>"],
    ["", "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>"],
  ])("%j → 401 %s", async (authorization, message) => {
    const r = await raw({ path: counts, headers: { ...json, authorization }, body: "{}" });
    expect([r.status, r.body.message]).toEqual([401, message]);
  });
});

describe("calls without a usable token, per address", () => {
  it("are logged until the address's limit, then refused 429 with Retry-After and no row", async () => {
    const ip = "198.51.100.77";
    const asPortal = () => ({ ...json, "x-client-ip": ip, [SERVICE_AUTH_HEADER]: signServiceAuth({ ...testServiceAuth, audience: "reporting" }) });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof raw>> | null = null;
    for (let i = 0; i < ANONYMOUS_CALL_LIMIT.max + 3; i++) {
      last = await raw({ path: counts, headers: { ...asPortal(), ...(i % 2 ? { authorization: `Bearer cet_${"Z".repeat(43)}` } : {}) }, body: "{}" });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(ANONYMOUS_CALL_LIMIT.max).fill(401), 429, 429, 429]);
    expect(last?.body.message).toBe(`来自本地址的无有效令牌请求过多：每分钟最多${ANONYMOUS_CALL_LIMIT.max}次，请稍后再试`);
    expect(Number(last?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(await sys.app.db.apiTokenUse.count({ where: { clientIp: ip } })).toBe(ANONYMOUS_CALL_LIMIT.max);
    // Another address, and a real token from the same address, are not held back.
    const { secret } = await make();
    expect((await raw({ path: counts, headers: { ...asPortal(), ...bearer(secret) }, body: "{}" })).status).toBe(200);
  });
});

describe("学时达标情况 over the API", () => {
  const question = { idNumber: "37010219810202002X", fromYear: 2025, toYear: 2026, asOf: "2026-06-30" };
  const ask = (secret: string, body: unknown) =>
    raw({ path: "/api/v1/statistics/compliance-as-of", headers: { ...json, ...bearer(secret) }, body: JSON.stringify(body) });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["a year after 统计时间's", { fromYear: 2027, toYear: 2027, asOf: undefined }, { fromYear: ["开始年度不能晚于统计时间所在年度（2026）"] }],
    ["a year before the platform's data", { fromYear: 1900, toYear: 1900 }, { fromYear: ["开始年度不能早于2000年（平台最早的数据年度）"] }],
    ["2026 asked as of 2025-06-30", { fromYear: 2026, toYear: 2026, asOf: "2025-06-30" }, { fromYear: ["开始年度不能晚于统计时间所在年度（2025）"] }],
    ["结束年度 after 统计时间's", { fromYear: 2024, toYear: 2026, asOf: "2025-12-31" }, { toYear: ["结束年度不能晚于统计时间所在年度（2025）"] }],
  ])("refuses %s, naming the field, and spends no lookup", async (_case, over, fieldErrors) => {
    const { secret, token } = await make();
    const r = await ask(secret, { ...question, ...over });
    expect([r.status, r.body.data.fieldErrors]).toEqual([400, fieldErrors]);
    expect(await sys.app.db.idLookupLog.count({ where: { viewerId: token.id } })).toBe(0);
  });

  it("counts lookups against the token's own 证件号查询上限（次/日）, far above an admin's, listed with the token", async () => {
    const plenty = await make();
    expect(plenty.token.idLookupsPerDay).toBe(200);
    // More than a portal admin's daily 15 (contracts idLookupLimits), from one address.
    for (let i = 0; i < 17; i++) expect((await ask(plenty.secret, question)).status).toBe(200);
    const few = await make({ idLookupsPerDay: 2 });
    expect((await jinanAdmin.apiTokens.list.query()).items.find((t) => t.id === few.token.id)?.idLookupsPerDay).toBe(2);
    expect((await ask(few.secret, question)).status).toBe(200);
    expect((await ask(few.secret, question)).status).toBe(200);
    const over = await ask(few.secret, question);
    expect(over.status).toBe(429);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(await sys.app.db.idLookupLog.count({ where: { viewerId: few.token.id } })).toBe(2);
    expect((await uses(few.token.id)).map((u) => u.outcome)).toEqual(["ANSWERED", "ANSWERED", "REFUSED_TOO_MANY_REQUESTS"]);
  });

  it("refuses a budget over 5,000 or below 1 when the token is made", async () => {
    expect(await refusal(make({ idLookupsPerDay: 5001 }))).toEqual({ code: "BAD_REQUEST", fields: { idLookupsPerDay: ["证件号查询上限不能超过5000"] } });
    expect(await refusal(make({ idLookupsPerDay: 0 }))).toEqual({ code: "BAD_REQUEST", fields: { idLookupsPerDay: ["证件号查询上限至少为1"] } });
  });
});
