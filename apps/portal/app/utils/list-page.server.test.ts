// requireListPage (session.server.ts), the loader of every menu list page, on 审核注册人员: the
// filters it passes on, the trail, and its refusals — a filter that does not parse, a page the
// viewer's permissions do not open, a failed call — each before or instead of a list.
// requireDetailPage, the loader glue of a menu page's 详细 / 详情, alike on 审核注册人员 › 详细.
import { allPermissions, ListPendingProfessionalsInput, type Me } from "@ce/contracts";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type StandInAnswer, startStandIns } from "./service-stand-ins.test-support.ts";

const PATH = "/reviews/professionals";
const page = { items: [], total: 0, page: 2, pageSize: 20 };

let viewer: Me;
let listAnswer: StandInAnswer;
let standIns: Awaited<ReturnType<typeof startStandIns>>;
let cookie: string;
let requireListPage: typeof import("./session.server.ts").requireListPage;
let requireDetailPage: typeof import("./session.server.ts").requireDetailPage;

beforeAll(async () => {
  standIns = await startStandIns((_service, procedure) => (procedure === "auth.me" ? { data: viewer } : listAnswer));
  vi.resetModules();
  const session = await import("./session.server.ts");
  requireListPage = session.requireListPage;
  requireDetailPage = session.requireDetailPage;
  cookie = (await session.commitToken(new Request("http://portal.test/"), "t".repeat(43), false)).split(";")[0]!;
});
afterAll(() => standIns.close());
beforeEach(() => {
  viewer = admin([...allPermissions]);
  listAnswer = { data: page };
  standIns.calls.length = 0;
  standIns.inputs.length = 0;
});

const admin = (permissions: Me["permissions"]): Me => ({
  mustChangePassword: false,
  accountId: "8d0c7d4e-3f1a-4a51-9a5e-6a1f0c7e2b11",
  name: "管理员",
  userType: "AUTHORITY",
  unitId: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b",
  unitName: "济南市交通运输局",
  unitKind: "AUTHORITY",
  unitDepth: 1,
  isProvince: false,
  isSuperAdmin: false,
  permissions,
});

/** A signed-in request for `path` (the session's cookie), and the context the portal's server gives a loader. */
const asked = (path: string) => ({
  request: new Request(`http://portal.test${path}`, { headers: { cookie } }),
  context: { requestId: "req-12345678", clientIp: "127.0.0.1" } as AppLoadContext,
});

/** What `loading` resolves to, or the Response it throws (a thrown data() as a Response of its status). */
async function answerOf<T>(loading: Promise<T>): Promise<T | Response> {
  try {
    return await loading;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const data = thrown as { data?: unknown; init?: { status?: number } };
    if (data.init?.status) return new Response(JSON.stringify(data.data), { status: data.init.status });
    throw thrown;
  }
}

/** The list page's data for `query`, or the Response it throws. */
function load(query: string) {
  const { request, context } = asked(`${PATH}${query}`);
  return answerOf(requireListPage(request, context, PATH, ListPendingProfessionalsInput, (api, input) => api.identity.review.professionals.query(input)));
}

const listCalls = () => standIns.inputs.filter((i) => i.call !== "identity:auth.me");

describe("requireListPage", () => {
  it("asks the service with the filters and page of the query string and gives the trail", async () => {
    const out = await load("?name=%E5%BC%A0&page=2");
    expect(out).not.toBeInstanceOf(Response);
    if (out instanceof Response) return;
    expect(out.trail).toEqual(["审核账户", "审核注册人员"]);
    expect(out.input).toMatchObject({ name: "张", page: 2 });
    expect(out.result).toEqual(page);
    expect(listCalls()).toEqual([{ call: "identity:review.professionals", input: expect.objectContaining({ name: "张", page: 2 }) }]);
  });

  it("refuses a filter that does not parse with 400 naming it, and asks no service", async () => {
    const out = await load(`?name=${encodeURIComponent("张\u0007")}`);
    expect(out).toBeInstanceOf(Response);
    if (!(out instanceof Response)) return;
    expect(out.status).toBe(400);
    expect((await out.json()).message).toMatch(/^筛选条件有误：.*姓名/);
    expect(listCalls()).toEqual([]);
  });
});

/** 审核注册人员 › 详细's data through requireDetailPage, or the Response it throws. */
function loadDetail() {
  const accountId = admin([]).accountId;
  const { request, context } = asked(`${PATH}/${accountId}`);
  return answerOf(requireDetailPage(request, context, PATH, "详细", (api) => api.identity.review.professional.query({ accountId })));
}

describe("requireDetailPage", () => {
  it("asks the service as the user and gives the trail section › page › the detail's label", async () => {
    listAnswer = { data: { name: "张三" } };
    const out = await loadDetail();
    expect(out).not.toBeInstanceOf(Response);
    if (out instanceof Response) return;
    expect(out.trail).toEqual(["审核账户", "审核注册人员", "详细"]);
    expect(out.detail).toEqual({ name: "张三" });
    expect(listCalls()).toEqual([{ call: "identity:review.professional", input: { accountId: admin([]).accountId } }]);
  });
});

describe.each([
  { loader: "requireListPage", loading: () => load("") },
  { loader: "requireDetailPage", loading: loadDetail },
])("$loader refuses", ({ loading }) => {
  it("a viewer whose permissions do not open the menu page with 403, and asks no service", async () => {
    viewer = admin(["subordinate.view"]);
    const out = await loading();
    expect(out).toBeInstanceOf(Response);
    if (!(out instanceof Response)) return;
    expect(out.status).toBe(403);
    expect(listCalls()).toEqual([]);
  });

  it("with the error page of the service's status when the service refuses (a record not found or out of scope: 404)", async () => {
    listAnswer = { error: { code: "NOT_FOUND", message: "记录不存在" } };
    const out = await loading();
    expect(out).toBeInstanceOf(Response);
    if (!(out instanceof Response)) return;
    expect(out.status).toBe(404);
  });
});
