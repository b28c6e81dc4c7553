// What a service answers before and after parsing a body: 413 for a body over the limit (declared
// or streamed), and a 400 whose messages are Chinese (contracts configures zod once).

import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { DeclareInput, MAX_ATTACHMENT_BASE64, MAX_ATTACHMENTS_PER_DECLARATION } from "@ce/contracts";
import { TEST_REDIS_URL } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { baseEnv, DEFAULT_MAX_BODY_BYTES, parseEnv } from "../src/config.ts";
import { BODY_TOO_LARGE } from "../src/http.ts";
import { createRedis } from "../src/redis.ts";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, SERVICE_AUTH_HEADER, signServiceAuth } from "../src/service-auth.ts";
import { startTestHttpServer, type TestHttpServer } from "../src/testing.ts";
import { publicProcedure, router } from "../src/trpc.ts";

const LIMIT = 64 * 1024;
const Input = z.object({ name: z.string().max(5), count: z.number().int().max(9), kind: z.enum(["A", "B"]), note: z.string().optional() });

describe("the body limit's default", () => {
  it("is a declaration with its most attachments at the largest size, plus a margin; SERVICE_MAX_BODY_BYTES overrides", () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBeGreaterThan(MAX_ATTACHMENTS_PER_DECLARATION * MAX_ATTACHMENT_BASE64);
    expect(DEFAULT_MAX_BODY_BYTES).toBeLessThan(32 * 1024 * 1024);
    expect(parseEnv(baseEnv, {}).SERVICE_MAX_BODY_BYTES).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(parseEnv(baseEnv, { SERVICE_MAX_BODY_BYTES: "2048" }).SERVICE_MAX_BODY_BYTES).toBe(2048);
    expect(() => parseEnv(baseEnv, { SERVICE_MAX_BODY_BYTES: "abc" })).toThrow(/SERVICE_MAX_BODY_BYTES/);
  });

  it("matches the schema: one attachment more than the constant is refused", () => {
    const attachment = { name: "a.png", contentBase64: "AAAA" };
    const r = DeclareInput.safeParse({ attachments: Array(MAX_ATTACHMENTS_PER_DECLARATION + 1).fill(attachment) });
    expect(r.error?.issues.find((i) => i.path[0] === "attachments")?.message).toBe("附件最多5个");
  });
});

describe("a service over HTTP", () => {
  let service: TestHttpServer;
  let port: number;
  const appRouter = router({ save: publicProcedure.input(Input).mutation(({ input }) => ({ saved: input.name })) });

  beforeAll(async () => {
    service = await startTestHttpServer(appRouter, createRedis(TEST_REDIS_URL, "thttplimits"), { audience: "limits", maxBodyBytes: LIMIT });
    port = (service.server.address() as AddressInfo).port;
  });
  afterAll(() => service.close());

  const auth = () => signServiceAuth({ caller: "portal", audience: "limits", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY });

  /** POSTs `body` as given (with Content-Length) or in chunks (no length); the status and body text. */
  function post(body: string, chunked = false): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/trpc/save",
          headers: { "content-type": "application/json", [SERVICE_AUTH_HEADER]: auth(), ...(chunked ? {} : { "content-length": Buffer.byteLength(body) }) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      // The server may answer and close before the whole body is sent.
      req.on("error", (e) => (String(e).includes("EPIPE") || String(e).includes("ECONNRESET") ? undefined : reject(e)));
      if (chunked) for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
      else req.write(body);
      req.end();
    });
  }
  const valid = (note: string) => JSON.stringify({ json: { name: "张三", count: 1, kind: "A", note } });

  it.each([
    { case: "declared length just under the limit", body: valid("x".repeat(LIMIT - 200)), chunked: false, status: 200 },
    { case: "declared length over the limit", body: valid("x".repeat(LIMIT + 1)), chunked: false, status: 413 },
    { case: "50 MB declared", body: valid("x".repeat(50 * 1024 * 1024)), chunked: false, status: 413 },
    { case: "chunked, under the limit", body: valid("x".repeat(LIMIT - 200)), chunked: true, status: 200 },
    { case: "chunked, over the limit", body: valid("x".repeat(LIMIT * 4)), chunked: true, status: 413 },
  ])("$case → $status", async ({ body, chunked, status }) => {
    const res = await post(body, chunked);
    expect(res.status).toBe(status);
    if (status === 413 && !chunked) expect(JSON.parse(res.text)).toEqual(BODY_TOO_LARGE);
  });

  it.each([
    { case: "wrong type", input: { name: 42, count: 1, kind: "A" }, field: "name", message: "格式不正确，应为文本" },
    { case: "too long", input: { name: "一二三四五六", count: 1, kind: "A" }, field: "name", message: "长度不能超过5个字符" },
    { case: "invalid enum", input: { name: "张三", count: 1, kind: "Z" }, field: "kind", message: "选项无效" },
    { case: "missing field", input: { name: "张三", kind: "A" }, field: "count", message: "必填" },
    { case: "number too big", input: { name: "张三", count: 10, kind: "A" }, field: "count", message: "不能大于9" },
  ])("a 400 for $case carries the Chinese message as a field error", async ({ input, field, message }) => {
    const res = await post(JSON.stringify({ json: input }));
    expect(res.status).toBe(400);
    const error = (JSON.parse(res.text) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } }).error.json;
    expect(error.data.fieldErrors[field]).toEqual([message]);
    expect(error.message).not.toMatch(/[A-Za-z]{3,}/);
  });
});
