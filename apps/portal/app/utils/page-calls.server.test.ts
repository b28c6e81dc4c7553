// How many service calls one page load makes: the layout (_app) and the page run their loaders for
// the same request, and everything a page needs about its viewer comes with the one auth.me call
// (the principal identity wrote at login), never from a further call per page. Stand-in services
// answer the tRPC wire format and record each procedure they are asked for.
import { allPermissions, type Me } from "@ce/contracts";
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startStandIns } from "./service-stand-ins.test-support.ts";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

let viewer: Me;
let standIns: Awaited<ReturnType<typeof startStandIns>>;
let cookie: string;
let loaders: Record<string, Loader>;

beforeAll(async () => {
  // Stand-in services answer auth.me with `viewer`, anything else with [].
  standIns = await startStandIns((_service, procedure) => ({ data: procedure === "auth.me" ? viewer : [] }));
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
afterAll(() => standIns.close());
beforeEach(() => {
  standIns.calls.length = 0;
});

/** Loads a page as the browser does (layout and page in parallel, one load context) and returns the calls made. */
async function load(path: string, page: keyof typeof loaders): Promise<string[]> {
  const request = new Request(`http://portal.test${path}`, { headers: { cookie } });
  const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };
  const args = (r: Request) => ({ request: r, context, params: {} }) as LoaderFunctionArgs;
  await Promise.all([loaders.layout!(args(request.clone())), loaders[page]!(args(request.clone()))]);
  return [...standIns.calls].sort();
}

const admin = (isProvince: boolean, permissions = [...allPermissions]): Me => ({
  mustChangePassword: false,
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

/** The calls of a home page whose viewer opens every queue: auth.me and one count per queue (utils/pending-work.server.ts). */
const QUEUES = [
  "hours:approvals.list",
  "identity:auth.me",
  "identity:profileChanges.list",
  "identity:review.employers",
  "identity:review.professionals",
  "identity:transfers.list",
  "identity:unitChanges.list",
];

describe("service calls per page load", () => {
  it.each([
    // 首页's 待办事项 counts each queue the viewer's menu opens (one one-row list call each); nothing else.
    { who: "the province's super admin", me: admin(true), path: "/", page: "home", expected: QUEUES },
    { who: "a city's super admin", me: admin(false), path: "/", page: "home", expected: QUEUES },
    {
      who: "an admin with 学时审批 alone",
      me: admin(false, ["hours.approve"]),
      path: "/",
      page: "home",
      expected: ["hours:approvals.list", "identity:auth.me"],
    },
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
