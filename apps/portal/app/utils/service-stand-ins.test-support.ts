import http from "node:http";
import type { AddressInfo } from "node:net";
import { naming } from "@ce/contracts";
import { cleanupPrefix } from "@ce/service-kit/testing";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";

/** What a stand-in answers for one procedure: its output, or an error as a service's error formatter words it. */
export type StandInAnswer = { data: unknown } | { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

const httpStatus: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Stand-ins for identity, hours and reporting in the portal's server tests: HTTP servers that
 * answer the tRPC wire format the portal's clients speak (httpBatchLink, superjson without meta)
 * with `answer(service, procedure)`, and record every call as `service:procedure` in `calls` (and
 * its input, from the URL or the body, in `inputs`; the request URLs in `urls`). The
 * portal's env points at them (IDENTITY_URL, …) until `close()`; import the modules under test
 * after starting them (vi.resetModules()).
 */
export async function startStandIns(answer: (service: string, procedure: string) => StandInAnswer) {
  const calls: string[] = [];
  const inputs: { call: string; input: unknown }[] = [];
  const urls: string[] = [];
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
      urls.push(req.url ?? "/");
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const sent = chunks.length > 0 ? Buffer.concat(chunks).toString("utf8") : new URL(req.url ?? "/", "http://x").searchParams.get("input");
        let batch: Record<string, { json?: unknown } | undefined> = {};
        try {
          batch = sent ? JSON.parse(sent) : {};
        } catch {
          batch = {};
        }
        inputs.push(...procedures.map((p, i) => ({ call: `${service}:${p}`, input: batch[String(i)]?.json })));
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
    inputs,
    urls,
    async close() {
      vi.unstubAllEnvs();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

/** A procedure's refusal as a service's error formatter words it. */
export type StandInFailure = { code: string; message: string; fieldErrors?: Record<string, string[]> };

/**
 * A test file's stand-in services and a signed-in session cookie, set up with vitest's hooks: the
 * stand-ins answer `auth.me` with `viewer`, any other procedure with `failures[service:procedure]`
 * as an error, else `answers[service:procedure]` (null when absent). Before each test the viewer is
 * `defaultViewer` again and the answers, failures and recorded calls are empty. The returned object
 * is live: assign its fields in a test. The portal's Redis keys go under `tag` (set before the
 * portal's modules load), removed after the file.
 */
export function standInSession<Viewer>(tag: string, defaultViewer: Viewer) {
  vi.stubEnv("SUBJECT_PREFIX", tag);
  const session = {
    viewer: defaultViewer,
    answers: {} as Record<string, unknown>,
    failures: {} as Record<string, StandInFailure>,
    cookie: "",
    standIns: undefined as unknown as Awaited<ReturnType<typeof startStandIns>>,
  };
  beforeAll(async () => {
    session.standIns = await startStandIns((service, procedure) => {
      const failure = session.failures[`${service}:${procedure}`];
      if (failure) return { error: failure };
      return { data: procedure === "auth.me" ? session.viewer : (session.answers[`${service}:${procedure}`] ?? null) };
    });
    vi.resetModules();
    const { commitToken } = await import("./session.server.ts");
    session.cookie = (await commitToken(new Request("http://portal.test/"), "t".repeat(43), false)).split(";")[0]!;
  });
  afterAll(async () => {
    await session.standIns.close();
    await cleanupPrefix(naming(tag));
  });
  beforeEach(() => {
    session.standIns.calls.length = 0;
    session.standIns.inputs.length = 0;
    session.answers = {};
    session.failures = {};
    session.viewer = defaultViewer;
  });
  return session;
}
