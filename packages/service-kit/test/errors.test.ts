import { Writable } from "node:stream";
import { DomainError } from "@ce/contracts";
import { TEST_REDIS_URL, TEST_SERVER_URL } from "@ce/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileInputField } from "../src/input-guard.ts";
import { createLogger } from "../src/logger.ts";
import { createRedis, type Redis } from "../src/redis.ts";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, SERVICE_AUTH_HEADER, signServiceAuth } from "../src/service-auth.ts";
import { startTestHttpServer, type TestHttpServer } from "../src/testing.ts";
import { authedProcedure, publicProcedure, router } from "../src/trpc.ts";

describe("hostileInputField", () => {
  // [what, raw input, the field it names or null]
  const cases: [string, unknown, string | null][] = [
    ["plain object", { name: "济南", n: 1 }, null],
    ["emoji and CJK extension B", { name: "😀𠀀" }, null],
    ["controls other than NUL are left to the text schemas", { note: "a\u0007\n\t" }, null],
    ["NUL at the top", "a\u0000", ""],
    ["NUL in a field", { name: "a\u0000b" }, "name"],
    ["NUL deep in an array", { attachments: [{ name: "ok" }, { name: "x\u0000" }] }, "attachments.1.name"],
    ["NUL in a key", { details: { "k\u0000": 1 } }, "details.k\u0000"],
    ["lone high surrogate", { q: "\uD800" }, "q"],
    ["lone low surrogate", { q: "\uDC00x" }, "q"],
    ["valid pair", { q: "\uD83D\uDE00" }, null],
    ["inside a Map", new Map([["a", "\u0000"]]), "a"],
    ["numbers, null, dates", { a: NaN, b: null, c: new Date(0), d: undefined }, null],
    ["deeper than 32 levels is not walked", JSON.parse(`${'{"a":'.repeat(40)}"\\u0000"${"}".repeat(40)}`), null],
  ];
  it.each(cases)("%s", (_what, input, field) => {
    expect(hostileInputField(input)).toBe(field);
  });
  it("survives a cycle", () => {
    const a: Record<string, unknown> = { name: "x" };
    a.self = a;
    expect(hostileInputField(a)).toBeNull();
  });
});

describe("errors over HTTP", () => {
  const logLines: string[] = [];
  let redis: Redis;
  let service: TestHttpServer;
  let base: string;

  const appRouter = router({
    ormFailure: publicProcedure.query(() => {
      const e = new Error(
        '\nInvalid `prisma.department.create()` invocation:\n\nRaw query failed. Code: `22021`. Message: `invalid byte sequence for encoding "UTF8": 0x00`',
      );
      e.name = "PrismaClientKnownRequestError";
      throw e;
    }),
    realSql: publicProcedure.query(async () => {
      const c = new pg.Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      try {
        return await c.query("SELECT secret_column FROM no_such_table_h8");
      } finally {
        await c.end();
      }
    }),
    typeError: publicProcedure.query(() => (null as unknown as { x: () => void }).x()),
    badOutput: publicProcedure.output(z.object({ ok: z.literal(true) })).query(() => ({ ok: false }) as never),
    domain: publicProcedure.input(z.object({ name: z.string() })).mutation(() => {
      throw new DomainError("CONFLICT", "部门名称已存在", "name");
    }),
    echo: publicProcedure.input(z.object({ name: z.string() })).mutation(({ input }) => input),
    mine: authedProcedure.query(() => "ok"),
  });

  beforeAll(async () => {
    redis = createRedis(TEST_REDIS_URL);
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    service = await startTestHttpServer(appRouter, redis, { log: createLogger("errors-test", "info", sink), audience: "errors" });
    base = service.trpcUrl;
  });
  afterAll(() => service.close());

  const get = async (path: string, requestId: string) => {
    const res = await fetch(`${base}/${path}`, {
      headers: {
        [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "errors", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY }),
        "x-request-id": requestId,
      },
    });
    return { status: res.status, text: await res.text() };
  };
  const post = async (path: string, json: unknown) => {
    const res = await fetch(`${base}/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "errors", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY }),
      },
      body: JSON.stringify({ json }),
    });
    return {
      status: res.status,
      body: ((await res.json()) as { error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } } }).error?.json,
    };
  };

  it.each([
    ["a Prisma error", "ormFailure", ["prisma", "invocation", "22021", "UTF8"]],
    ["a real SQL error", "realSql", ["no_such_table_h8", "secret_column", "SELECT", "relation"]],
    ["a bug (TypeError)", "typeError", ["TypeError", "Cannot read", "reading"]],
    ["an output that breaks its schema", "badOutput", ["ZodError", "invalid_value", "expected"]],
  ])("answers %s with 系统繁忙 and its request id only; the log keeps the detail", async (_what, path, secrets) => {
    const requestId = `req-${path}-${Date.now()}`;
    const { status, text } = await get(path, requestId);
    expect(status).toBe(500);
    const body = JSON.parse(text) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toBe(`系统繁忙，请稍后再试（错误编号 ${requestId}）`);
    expect(body.error.json.data.stack).toBeUndefined();
    for (const s of ["stack", "at ", ".ts:", "node_modules", ...secrets]) expect(text).not.toContain(s);
    const logged = logLines.find((l) => l.includes(requestId) && l.includes("procedure failed"));
    expect(logged).toBeDefined();
  });

  it("keeps a domain error's Chinese message and field", async () => {
    const { status, body } = await post("domain", { name: "办公室" });
    expect(status).toBe(409);
    expect(body?.message).toBe("部门名称已存在");
    expect(body?.data.fieldErrors).toEqual({ name: ["部门名称已存在"] });
  });

  it("refuses NUL and lone surrogates in any string before the procedure runs, naming the field", async () => {
    for (const name of ["办公\u0000室", "\uD800"]) {
      const { status, body } = await post("echo", { name });
      expect(status).toBe(400);
      expect(body?.data.fieldErrors?.name?.[0]).toContain("不允许的字符");
    }
    expect((await post("echo", { name: "办公室😀" })).status).toBe(200);
  });

  it("answers a call without a session UNAUTHORIZED, without a stack", async () => {
    const { status, text } = await get("mine", "req-mine");
    expect(status).toBe(401);
    expect(text).not.toContain("stack");
  });
});

describe("readiness", () => {
  it("says which dependency is down, not what its driver said", async () => {
    const redis = createRedis(TEST_REDIS_URL);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const service = await startTestHttpServer(router({}), redis, {
      log: createLogger("readiness-test", "info", sink),
      readiness: {
        database: () => Promise.reject(new Error('Can\'t reach database server at `db.internal:5432` as user "ce_admin"')),
        nats: () => Promise.resolve(),
      },
      audience: "readiness",
    });
    try {
      const res = await fetch(`${service.base}/readyz`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: "not ready", checks: { database: "unavailable", nats: "ok" } });
      expect(text).not.toContain("db.internal");
      expect(lines.join("")).toContain("db.internal");
    } finally {
      await service.close();
    }
  });
});
