import http from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCClientError } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWithTimeout, isServiceCallTimeout, ServiceCallTimeoutError } from "../src/call-timeout.ts";
import { serviceClient } from "../src/testing.ts";

// One tRPC batch answer, as superjson writes it.
const ANSWER = JSON.stringify([{ result: { data: { json: { ok: true } } } }]);

/** How the stand-in service behaves, chosen by the request path. */
const behaviours: Record<string, (res: http.ServerResponse) => void> = {
  "/silent": () => {}, // accepts the connection and never answers
  "/stall-body": (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('[{"result":'); // headers and half a body, then nothing
  },
  "/slow-ok": (res) => setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(ANSWER), 100),
  "/ok": (res) => res.writeHead(200, { "content-type": "application/json" }).end(ANSWER),
};

let server: http.Server;
let base: string;
const open = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const path = Object.keys(behaviours).find((p) => req.url?.startsWith(`/trpc${p}`));
    behaviours[path ?? "/ok"]?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "answered";
  } catch (e) {
    return isServiceCallTimeout(e) ? "timed out" : `failed: ${(e as Error).name}`;
  }
}

describe("fetchWithTimeout", () => {
  it.each([
    { path: "/silent", timeoutMs: 150, expected: "timed out" },
    { path: "/stall-body", timeoutMs: 150, expected: "timed out" },
    { path: "/slow-ok", timeoutMs: 2_000, expected: "answered" },
    { path: "/slow-ok", timeoutMs: 20, expected: "timed out" },
    { path: "/ok", timeoutMs: 1_000, expected: "answered" },
  ])("$path within $timeoutMs ms → $expected", async ({ path, timeoutMs, expected }) => {
    const call = fetchWithTimeout(timeoutMs)(`${base}${path}`).then((r) => r.text());
    expect(await outcome(call)).toBe(expected);
  });

  it("names the URL without its query and the limit", async () => {
    const err = await fetchWithTimeout(50)(`${base}/silent?input=secret`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceCallTimeoutError);
    expect((err as Error).message).toBe(`service call to ${base}/silent timed out after 50 ms`);
  });

  it("reports the caller's own abort as an abort, not a timeout", async () => {
    const caller = new AbortController();
    const call = fetchWithTimeout(5_000)(`${base}/silent`, { signal: caller.signal });
    setTimeout(() => caller.abort(), 50);
    expect(await outcome(call)).toBe("failed: AbortError");
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses a timeout of %s", (ms) => {
    expect(() => fetchWithTimeout(ms)).toThrow(RangeError);
  });
});

describe("a tRPC client of a service that never answers", () => {
  it.each([
    { path: "/silent", expected: "timed out" },
    { path: "/stall-body", expected: "timed out" },
    { path: "/ok", expected: "answered" },
  ])("$path → $expected, as a TRPCClientError whose cause says so", async ({ path, expected }) => {
    const client = serviceClient<AnyRouter>(`${base}${path}`, undefined, "127.0.0.1", null, 200) as unknown as {
      ping: { query(): Promise<unknown> };
    };
    const started = Date.now();
    const result = client.ping.query();
    expect(await outcome(result)).toBe(expected);
    if (expected === "timed out") {
      expect(await result.catch((e: unknown) => e)).toBeInstanceOf(TRPCClientError);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});
