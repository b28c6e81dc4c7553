import http from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";

/** What a stand-in answers for one procedure: its output, or an error as a service's error formatter words it. */
export type StandInAnswer = { data: unknown } | { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

const httpStatus: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Stand-ins for identity, hours and reporting in the portal's server tests: HTTP servers that
 * answer the tRPC wire format the portal's clients speak (httpBatchLink, superjson without meta)
 * with `answer(service, procedure)`, and record every call as `service:procedure` in `calls`. The
 * portal's env points at them (IDENTITY_URL, …) until `close()`; import the modules under test
 * after starting them (vi.resetModules()).
 */
export async function startStandIns(answer: (service: string, procedure: string) => StandInAnswer) {
  const calls: string[] = [];
  const servers: http.Server[] = [];
  const wire = (service: string, procedure: string) => {
    const out = answer(service, procedure);
    if ("data" in out) return { result: { data: { json: out.data } } };
    const data = { code: out.error.code, httpStatus: httpStatus[out.error.code] ?? 500, path: procedure, fieldErrors: out.error.fieldErrors ?? null };
    return { error: { json: { message: out.error.message, code: -32600, data } } };
  };
  for (const service of ["identity", "hours", "reporting"] as const) {
    const server = http.createServer((req, res) => {
      const procedures = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.replace(/^\/trpc\//, "")).split(",");
      calls.push(...procedures.map((p) => `${service}:${p}`));
      req.resume().on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(procedures.map((p) => wire(service, p))));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    vi.stubEnv(`${service.toUpperCase()}_URL`, `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`);
  }
  return {
    calls,
    async close() {
      vi.unstubAllEnvs();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
