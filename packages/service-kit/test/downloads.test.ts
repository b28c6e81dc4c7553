// /downloads/<name>: a file a service streams to the portal, behind the service credential and a
// signed-in session; refusals before the first byte answered with their status and Chinese message.

import { DomainError } from "@ce/contracts";
import { TEST_REDIS_URL } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DownloadHandler } from "../src/http.ts";
import { createRedis } from "../src/redis.ts";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, SERVICE_AUTH_HEADER, signServiceAuth } from "../src/service-auth.ts";
import { signIn, startTestHttpServer, type TestHttpServer } from "../src/testing.ts";
import { router } from "../src/trpc.ts";

describe("a service's downloads", () => {
  let service: TestHttpServer;
  let token: string;
  const redis = createRedis(TEST_REDIS_URL, "tdownloads");
  const rows: DownloadHandler = async (ctx, query, res) => {
    const n = Number(query.get("n"));
    if (!(n >= 0)) throw new DomainError("BAD_REQUEST", "行数无效", "n");
    if (n > 1000) throw new Error("boom");
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    for (let i = 0; i < n; i++) res.write(`${ctx.principal.unitName},${i}\n`);
    res.end();
  };

  beforeAll(async () => {
    service = await startTestHttpServer(router({}), createRedis(TEST_REDIS_URL, "tdownloads"), { audience: "dl", downloads: { rows } });
    token = await signIn(redis, { unitId: crypto.randomUUID(), unitName: "济南市", scopePath: "/a/" });
  });
  afterAll(async () => {
    await service.close();
    redis.disconnect();
  });

  const get = (path: string, opts: { auth?: boolean; bearer?: string | null } = {}) =>
    fetch(`${service.base}${path}`, {
      headers: {
        ...(opts.auth === false
          ? {}
          : { [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "dl", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY }) }),
        ...(opts.bearer === null ? {} : { authorization: `Bearer ${opts.bearer ?? token}` }),
      },
    });

  it("streams the handler's body to a signed-in caller with the portal's credential", async () => {
    const r = await get("/downloads/rows?n=3");
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("济南市,0\n济南市,1\n济南市,2\n");
  });

  it("refuses a call without the service credential (401) and a caller without a session (401, Chinese)", async () => {
    expect((await get("/downloads/rows?n=1", { auth: false })).status).toBe(401);
    const r = await get("/downloads/rows?n=1", { bearer: null });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ message: "登录已过期，请重新登录" });
  });

  it("answers a DomainError with its status, message and field, an unknown name 404, a crash 500 with an incident id", async () => {
    const bad = await get("/downloads/rows?n=x");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "行数无效", field: "n" });
    expect((await get("/downloads/nothing")).status).toBe(404);
    const crash = await get("/downloads/rows?n=5000");
    expect(crash.status).toBe(500);
    expect(((await crash.json()) as { message: string }).message).toMatch(/^系统繁忙，请稍后再试（错误编号 /);
  });
});
