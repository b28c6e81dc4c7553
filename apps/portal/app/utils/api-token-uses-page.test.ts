// 接口令牌管理 › 调用记录 (routes/_app.stats.api-tokens_.$tokenId.uses.tsx) against stand-in
// services: the page asks reporting's apiTokens.uses for the token in its URL and the page the
// pager asked for; reporting's NOT_FOUND for another unit's token (or an unknown one) is the 404
// page, and so is an id that is not one — never another unit's rows; only super admins open it.
import type { ApiTokenUses, Me } from "@ce/contracts";
import { testTag } from "@ce/testkit";
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { admin } from "./form-action-cases.test-support.ts";
import { standInSession } from "./service-stand-ins.test-support.ts";

const session = standInSession(testTag("tokenuses"), admin as Me);
const TOKEN = "5d0c8a4e-8a56-4f3c-9d1e-0a3a4f2b7c11";
const answer: ApiTokenUses = {
  token: { id: TOKEN, name: "年报分析", prefix: "cet_AbCdEfGh", status: "ACTIVE" },
  items: [
    {
      id: "7",
      occurredAt: "2026-11-30T16:30:00.000Z",
      procedure: "complianceAsOf",
      outcome: "ANSWERED",
      rows: 1,
      idLookup: { found: 1 },
      clientAddress: "203.0.113.*",
      requestId: "req-1",
    },
  ],
  total: 21,
  page: 2,
  pageSize: 20,
};

async function load(path: string): Promise<{ status: number; data: unknown }> {
  const { loader } = (await import("../routes/_app.stats.api-tokens_.$tokenId.uses.tsx")) as { loader: (a: LoaderFunctionArgs) => Promise<unknown> };
  const tokenId = /\/stats\/api-tokens\/([^/]+)\/uses/.exec(path)?.[1];
  const request = new Request(`http://portal.test${path}`, { headers: { cookie: session.cookie } });
  const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };
  try {
    return { status: 200, data: await loader({ request, context, params: { tokenId } }) };
  } catch (e) {
    const thrown = e as { init?: { status: number }; data?: unknown; status?: number };
    return { status: thrown.init?.status ?? thrown.status ?? 0, data: thrown.data ?? null };
  }
}

describe("调用记录", () => {
  it("asks reporting for the token of the URL and the pager's page; the trail names the token", async () => {
    session.answers["reporting:apiTokens.uses"] = answer;
    const out = await load(`/stats/api-tokens/${TOKEN}/uses?page=2`);
    expect(out).toEqual({ status: 200, data: { trail: ["查询统计", "接口令牌管理", "年报分析的调用记录"], uses: answer } });
    expect(session.standIns.inputs.find((i) => i.call === "reporting:apiTokens.uses")?.input).toEqual({ id: TOKEN, page: 2, pageSize: 20 });
  });

  it("a hand-edited page=abc falls back to page 1 (the one list query reader)", async () => {
    session.answers["reporting:apiTokens.uses"] = answer;
    await load(`/stats/api-tokens/${TOKEN}/uses?page=abc`);
    expect(session.standIns.inputs.find((i) => i.call === "reporting:apiTokens.uses")?.input).toEqual({ id: TOKEN, page: 1, pageSize: 20 });
  });

  it("another unit's token (reporting's NOT_FOUND) is the 404 page with reporting's message, no rows", async () => {
    session.failures["reporting:apiTokens.uses"] = {
      code: "NOT_FOUND",
      message: "令牌不存在或不属于本单位",
      fieldErrors: { id: ["令牌不存在或不属于本单位"] },
    };
    const out = await load(`/stats/api-tokens/${TOKEN}/uses`);
    expect(out.status).toBe(404);
    expect(JSON.stringify(out.data)).toContain("令牌不存在或不属于本单位");
    expect(JSON.stringify(out.data)).not.toContain("203.0.113");
  });

  it.each(["not-a-token", "..", "%27%20or%201%3D1"])("an id that is not one (%s) is 404 without asking reporting", async (id) => {
    const out = await load(`/stats/api-tokens/${id}/uses`);
    expect(out).toEqual({ status: 404, data: { message: "令牌不存在或不属于本单位" } });
    expect(session.standIns.calls).not.toContain("reporting:apiTokens.uses");
  });

  it("is refused (403) to an admin who is not a super admin, before any call", async () => {
    session.viewer = { ...admin, isSuperAdmin: false } as Me;
    const out = await load(`/stats/api-tokens/${TOKEN}/uses`);
    expect(out.status).toBe(403);
    expect(session.standIns.calls).not.toContain("reporting:apiTokens.uses");
  });
});
