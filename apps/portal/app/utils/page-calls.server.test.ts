// How many service calls one page load makes: the layout (_app) and the page run their loaders for
// the same request, and everything a page needs about its viewer comes with the one auth.me call
// (the principal identity wrote at login), never from a further call per page. Two stand-in
// services answer the tRPC wire format and record each procedure they are asked for.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { allPermissions, type Me } from "@ce/contracts";
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

const calls: string[] = [];
let viewer: Me;
const servers: http.Server[] = [];

/** A stand-in service: records `<service>:<procedure>` per call and answers auth.me with `viewer`, anything else with []. */
async function standIn(service: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const procedures = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.replace(/^\/trpc\//, "")).split(",");
    calls.push(...procedures.map((p) => `${service}:${p}`));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(procedures.map((p) => ({ result: { data: { json: p === "auth.me" ? viewer : [] } } }))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
}

let cookie: string;
let loaders: Record<string, Loader>;

beforeAll(async () => {
  vi.stubEnv("IDENTITY_URL", await standIn("identity"));
  vi.stubEnv("HOURS_URL", await standIn("hours"));
  vi.stubEnv("REPORTING_URL", await standIn("reporting"));
  vi.resetModules();
  const { commitToken } = await import("./session.server.ts");
  cookie = (await commitToken(new Request("http://portal.test/"), "t".repeat(43), false)).split(";")[0]!;
  loaders = {
    layout: (await import("../routes/_app.tsx")).loader,
    home: (await import("../routes/_app._index.tsx")).loader,
    forms: (await import("../routes/_app.hours.forms._index.tsx")).loader,
    approvals: (await import("../routes/_app.hours.approvals._index.tsx")).loader,
  } as Record<string, Loader>;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});
beforeEach(() => {
  calls.length = 0;
});

/** Loads a page as the browser does (layout and page in parallel, one load context) and returns the calls made. */
async function load(path: string, page: keyof typeof loaders): Promise<string[]> {
  const request = new Request(`http://portal.test${path}`, { headers: { cookie } });
  const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };
  const args = (r: Request) => ({ request: r, context, params: {} }) as LoaderFunctionArgs;
  await Promise.all([loaders.layout!(args(request.clone())), loaders[page]!(args(request.clone()))]);
  return [...calls].sort();
}

const admin = (isProvince: boolean, permissions = [...allPermissions]): Me => ({
  accountId: "8d0c7d4e-3f1a-4a51-9a5e-6a1f0c7e2b11",
  name: "管理员",
  userType: "AUTHORITY",
  unitId: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b",
  unitName: isProvince ? "山东省交通运输厅" : "济南市交通运输局",
  unitKind: "AUTHORITY",
  unitDepth: isProvince ? 0 : 1,
  isProvince,
  isSuperAdmin: true,
  permissions,
});

const professional: Me = {
  ...admin(false, []),
  name: "张三",
  userType: "PROFESSIONAL",
  unitName: "济南公交集团",
  unitKind: null,
  unitDepth: null,
  isSuperAdmin: false,
};

describe("service calls per page load", () => {
  it.each([
    { who: "the province's super admin", me: admin(true), path: "/", page: "home", expected: ["identity:auth.me"] },
    { who: "a city's super admin", me: admin(false), path: "/", page: "home", expected: ["identity:auth.me"] },
    { who: "an admin without 学时审批", me: admin(false, ["subordinate.view"]), path: "/", page: "home", expected: ["identity:auth.me"] },
    { who: "the province's super admin", me: admin(true), path: "/hours/forms", page: "forms", expected: ["hours:forms.list", "identity:auth.me"] },
    { who: "a city's super admin", me: admin(false), path: "/hours/forms", page: "forms", expected: ["identity:auth.me"] },
    { who: "a professional", me: professional, path: "/", page: "home", expected: ["hours:compliance.mine", "identity:auth.me"] },
    { who: "the province's super admin", me: admin(true), path: "/hours/approvals", page: "approvals", expected: ["hours:approvals.list", "identity:auth.me"] },
  ] as const)("$who on $path: $expected", async ({ me, path, page, expected }) => {
    viewer = me;
    expect(await load(path, page)).toEqual(expected);
  });
});
