// Every resource route of the portal that answers a file, refused, comes back to its page with a
// Chinese message (download-refusal.server.ts downloadLoader) — never the bare 出错了 page, which
// has no menu and no form (查看申报记录's 导出 and 学时证明's 下载PDF still opened it). The routes are
// listed from app/routes; each refusal it can meet (a filter that does not parse, the service's
// refusal, not found) runs against stand-in services, and the page it lands on reads the message.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Me } from "@ce/contracts";
import { testTag } from "@ce/testkit";
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { admin, ids, professional } from "./form-action-fixtures.test-support.ts";
import { type StandInFailure, standInSession } from "./service-stand-ins.test-support.ts";

const session = standInSession(testTag("downloads"), admin as Me);
const routesDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "routes");
const context = (): AppLoadContext => ({ requestId: "req-12345678", clientIp: "127.0.0.1" });

/** Resource routes (no page component) that answer no file: the pages' own fetches and redirects. */
const NOT_FILES: Record<string, string> = {
  "captcha.ts": "a new captcha as JSON for the form's 换一张 (its refusal is shown by the form)",
  "id-search.ts": "a sealed 证件号 search token as JSON for the page's own fetch",
  "pick.$kind.ts": "the picker's search results as JSON",
  "refusal.ts": "the wall's refusals (server.ts) as the Chinese error page itself",
  "register.departments.ts": "a unit's departments as JSON for the registration form",
  "register.units.ts": "the registration unit picker's results as JSON",
  "logout.tsx": "signs out and redirects to 登录",
};

const resourceRoutes = readdirSync(routesDir)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f))
  .filter((f) => !/export default function/.test(readFileSync(path.join(routesDir, f), "utf8")));

type Refusal = {
  what: string;
  /** The address asked (path and query); the case's own when absent. */
  url?: string;
  failure?: { call: string } & StandInFailure;
  /** Stand-in answers, by service:procedure, the refusal needs (a unit search that finds nothing). */
  answers?: Record<string, unknown>;
  /** The message the page shows (its start). */
  message: string;
};
type FileRoute = {
  route: string;
  url: string;
  params?: Record<string, string>;
  post?: "file" | "none";
  as?: Me;
  /** Where the person lands, and the page route that shows the message there. */
  back: string;
  page: string;
  refusals: Refusal[];
};

const badRequest = (call: string, message: string, fieldErrors?: Record<string, string[]>) => ({
  call,
  code: "BAD_REQUEST",
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
});
const notFound = (call: string, message: string) => ({ call, code: "NOT_FOUND", message });
const noPermission: Me = { ...(admin as Me), isSuperAdmin: false, permissions: [] };
/** 学时证明's 下载PDF refusals: the same procedure behind the professional's and the administrator's link. */
const PROOF_PDF_REFUSALS: Refusal[] = [
  { what: "service refusal", failure: { call: "reporting:proofs.pdf", code: "CONFLICT", message: "该学时证明已撤销，不能下载" }, message: "该学时证明已撤销" },
  { what: "not found", failure: notFound("reporting:proofs.pdf", "学时证明不存在"), message: "学时证明不存在" },
];
const TOO_MANY_ROWS = "导出的数据共300000条，超过单次导出上限200000条";

/**
 * A list page's 导出 (listExportLoader) at `pagePath` + "/export", asked as CSV with `query`: its
 * route and page files named as app/routes names them (`/stats/counts` → _app.stats.counts.export.ts,
 * back to _app.stats.counts._index.tsx), and it lands back on the page with `query` as typed.
 */
function listExport(pagePath: string, query: string, refusals: Refusal[]): FileRoute {
  const flat = `_app${pagePath.replaceAll("/", ".")}`;
  return {
    route: `${flat}.export.ts`,
    url: `${pagePath}/export?${query ? `${query}&` : ""}format=csv`,
    back: query ? `${pagePath}?${query}` : pagePath,
    page: `${flat}._index.tsx`,
    refusals,
  };
}

const FILE_ROUTES: FileRoute[] = [
  listExport("/hours/records", "tab=PENDING", [
    { what: "bad filter", url: "/hours/records/export?tab=NOPE&format=csv", message: "筛选条件有误" },
    { what: "service refusal", failure: badRequest("hours:declarations.records", TOO_MANY_ROWS), message: "导出的数据共300000条" },
  ]),
  {
    route: "_app.hours.proofs.$proofId.pdf.ts",
    url: `/hours/proofs/${ids.c}/pdf`,
    params: { proofId: ids.c },
    as: professional,
    back: "/hours/proofs",
    page: "_app.hours.proofs._index.tsx",
    refusals: PROOF_PDF_REFUSALS,
  },
  {
    route: "_app.stats.professionals.$accountId.proofs.$proofId.pdf.ts",
    url: `/stats/professionals/${ids.a}/proofs/${ids.c}/pdf`,
    params: { accountId: ids.a, proofId: ids.c },
    back: `/stats/professionals/${ids.a}/learning`,
    page: "_app.stats.professionals.$accountId.learning._index.tsx",
    refusals: PROOF_PDF_REFUSALS,
  },
  {
    route: "_app.import.template.ts",
    url: "/import/template",
    back: "/import",
    page: "_app.import._index.tsx",
    refusals: [{ what: "service refusal", failure: badRequest("identity:imports.template", "本单位不能导入人员"), message: "本单位不能导入人员" }],
  },
  {
    route: "_app.import.failed.ts",
    url: "/import/failed",
    post: "file",
    back: "/import",
    page: "_app.import._index.tsx",
    refusals: [
      { what: "bad filter (no file)", url: "/import/failed#none", message: "请选择要导入的文件" },
      {
        what: "service refusal",
        failure: badRequest("identity:imports.failedRows", "该文件没有有错误的行，无需导出失败信息", { file: ["该文件没有有错误的行，无需导出失败信息"] }),
        message: "该文件没有有错误的行",
      },
    ],
  },
  {
    route: "_app.hours.attachments.$attachmentId.ts",
    url: `/hours/attachments/${ids.c}`,
    params: { attachmentId: ids.c },
    back: "/hours/records",
    page: "_app.hours.records._index.tsx",
    refusals: [{ what: "not found (another unit's)", failure: notFound("hours:attachments.get", "附件不存在"), message: "附件不存在" }],
  },
  {
    route: "_app.reviews.transfers.$transferId.attachment.ts",
    url: `/reviews/transfers/${ids.c}/attachment`,
    params: { transferId: ids.c },
    back: "/reviews/transfers?tab=records",
    page: "_app.reviews.transfers._index.tsx",
    refusals: [
      { what: "bad id", url: "/reviews/transfers/abc/attachment", message: "您访问的内容不存在" },
      { what: "not found", failure: notFound("identity:transfers.attachment", "该调转没有附件"), message: "该调转没有附件" },
    ],
  },
  listExport("/stats/counts", "asOf=2026-01-01", [
    { what: "bad filter", url: "/stats/counts/export?asOf=abc", message: "筛选条件有误" },
    {
      what: "service refusal",
      failure: badRequest("reporting:statistics.professionalCounts", "统计时间不能晚于今天", { asOf: ["统计时间不能晚于今天"] }),
      message: "统计时间不能晚于今天",
    },
  ]),
  listExport(`/stats/counts/people`, `unitId=${ids.b}&measure=COMPLIANT`, [
    { what: "bad filter", url: "/stats/counts/people/export?unitId=abc&measure=COMPLIANT", message: "筛选条件有误" },
    { what: "not found", failure: notFound("reporting:statistics.countPeople", "单位不存在或不在您的管理范围内"), message: "单位不存在或不在您的管理范围内" },
  ]),
  listExport("/stats/professionals", "", [
    { what: "service refusal", failure: badRequest("reporting:statistics.professionals", TOO_MANY_ROWS), message: "导出的数据共300000条" },
  ]),
  {
    route: "_app.stats.professionals.$accountId.learning.export.ts",
    url: `/stats/professionals/${ids.a}/learning/export?format=csv`,
    params: { accountId: ids.a },
    back: `/stats/professionals/${ids.a}/learning`,
    page: "_app.stats.professionals.$accountId.learning._index.tsx",
    refusals: [
      { what: "bad filter", url: `/stats/professionals/${ids.a}/learning/export?asOf=2026-02-30`, message: "筛选条件有误" },
      { what: "not found", failure: notFound("reporting:statistics.learningRecord", "人员不存在或不在您的管理范围内"), message: "人员不存在" },
    ],
  },
  listExport("/stats/title-series", "", [
    { what: "bad filter", url: "/stats/title-series/export?from=2026-05-01&to=2026-01-01", message: "筛选条件有误" },
    { what: "service refusal", failure: badRequest("reporting:statistics.titleDistribution", "开始时间不能晚于今天"), message: "开始时间不能晚于今天" },
    {
      what: "unit name that names no unit",
      url: "/stats/title-series/export?employer=%E6%97%A0%E6%AD%A4%E5%8D%95%E4%BD%8D&format=csv",
      answers: { "identity:registration.searchUnits": [] },
      message: "未找到名为“无此单位”的用人单位",
    },
  ]),
  listExport("/stats/verification", "name=%E5%BC%A0%E4%B8%89", [
    { what: "service refusal", failure: badRequest("reporting:statistics.verifyLearning", "查验过于频繁，请稍后再试"), message: "查验过于频繁" },
  ]),
  {
    route: "_app.stats.extract.download.ts",
    url: "/stats/extract/download?fromYear=2024&toYear=2026&format=csv",
    as: noPermission,
    back: "/stats/extract?fromYear=2024&toYear=2026&format=csv",
    page: "_app.stats.extract._index.tsx",
    // Reporting's refusals of the extract (too many years, rows) are downloadLoader's own table (download-refusal.server.test.ts).
    refusals: [{ what: "refusal before asking (no 人年抽取 permission)", message: "您没有权限访问该页面" }],
  },
];

type Handler = (args: LoaderFunctionArgs) => Promise<Response>;

/** The route's answer to `url` (a GET, or the POST of 导出失败信息 with a file or none). */
async function ask(c: FileRoute, url: string, accept?: string): Promise<Response> {
  const mod = (await import(`../routes/${c.route}`)) as { loader?: Handler; action?: Handler };
  const handler = c.post ? mod.action : mod.loader;
  if (!handler) throw new Error(`${c.route} has no ${c.post ? "action" : "loader"}`);
  const headers: Record<string, string> = { cookie: session.cookie, ...(accept ? { accept } : {}) };
  const [address, hash] = url.split("#");
  let body: FormData | undefined;
  if (c.post) {
    body = new FormData();
    if (hash !== "none") body.append("file", new File(["姓名,证件号\r\n张三,x\r\n"], "人员.csv", { type: "text/csv" }));
  }
  const params = address?.includes("/abc/") ? { ...c.params, transferId: "abc" } : (c.params ?? {});
  const request = new Request(`http://portal.test${address}`, { method: c.post ? "POST" : "GET", headers, ...(body ? { body } : {}) });
  try {
    return await handler({ request, context: context(), params });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return new Response(`thrown: ${String(thrown)}`, { status: 599 });
  }
}

/** What the page at `location` reads with the answer's cookie (takeRefusal, as the page's loader does). */
async function landing(answer: Response) {
  const { takeRefusal } = await import("./download-refusal.server.ts");
  const location = answer.headers.get("location") ?? "";
  const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { location, ...(await takeRefusal(new Request(new URL(location, "http://portal.test"), { headers: { cookie } }))) };
}

describe("every resource route that answers a file goes through downloadLoader", () => {
  it("lists every resource route of app/routes as a file route (below) or as one that answers no file", () => {
    const listed = [...FILE_ROUTES.map((c) => c.route), ...Object.keys(NOT_FILES)];
    expect([...resourceRoutes].sort()).toEqual([...new Set(listed)].sort());
  });

  it.each(FILE_ROUTES.map((c) => [c.route, c] as const))("%s answers with downloadLoader, back to a page that reads the refusal", (_, c) => {
    // listExportLoader (a list page's 导出) is downloadLoader with the export's own loading.
    expect(readFileSync(path.join(routesDir, c.route), "utf8")).toMatch(/export const (loader|action) = (downloadLoader|listExportLoader)\(/);
    expect(readFileSync(path.join(routesDir, c.page), "utf8")).toMatch(/\b(pageWithRefusal|takeRefusal|loadStatistic)\(/);
  });

  const cases = FILE_ROUTES.flatMap((c) => c.refusals.map((r) => [c.route, r.what, c, r] as const));
  it.each(cases)("%s, %s: 303 back to its page with the Chinese message, never the bare error page", async (_, __, c, r) => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    session.viewer = c.as ?? (admin as Me);
    if (r.failure) {
      const { call, ...failure } = r.failure;
      session.failures[call] = failure;
    }
    Object.assign(session.answers, r.answers);
    const answer = await ask(c, r.url ?? c.url);
    expect(answer.status, await answer.clone().text()).toBe(303);
    expect(answer.headers.get("content-type") ?? "").not.toContain("text/html");
    const landed = await landing(answer);
    const back = r.url?.includes("/abc/") || r.url?.includes("#") ? c.back : (backOf(c, r) ?? c.back);
    expect(landed.location).toBe(back);
    expect(landed.refusal?.message.startsWith(r.message), landed.refusal?.message).toBe(true);
    expect(landed.refusal?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("an attachment's thumbnail (the browser's image fetch) gets its status and no message left for a page", async () => {
    const c = FILE_ROUTES.find((f) => f.route === "_app.hours.attachments.$attachmentId.ts") as FileRoute;
    session.failures["hours:attachments.get"] = { code: "NOT_FOUND", message: "附件不存在" };
    const answer = await ask(c, c.url, "image/avif,image/webp,image/apng,image/*,*/*;q=0.8");
    expect(answer.status).toBe(404);
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(await answer.json()).toEqual({ message: "附件不存在" });
  });
});

/** The page a refusal of `r` lands on: the case's, but with the filters of the refusal's own address (as typed). */
function backOf(c: FileRoute, r: Refusal): string | null {
  if (!r.url) return null;
  const asked = new URL(r.url, "http://portal.test");
  const page = new URL(c.back, "http://portal.test");
  asked.searchParams.delete("format");
  const q = asked.searchParams.toString();
  // Only the query changes: a route's own page path never depends on the filters.
  return q ? `${page.pathname}?${q}` : page.pathname;
}
