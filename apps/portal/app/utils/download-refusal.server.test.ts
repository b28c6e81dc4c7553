import { data, json, redirect } from "@remix-run/node";
import { TRPCClientError } from "@trpc/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { backTo, downloadLoader, takeRefusal } from "./download-refusal.server.ts";

// A refused 查询统计 download goes back to its page with the message for that page (the bare
// 出错了 page had no menu and no form): every kind of refusal a download route meets, one table.

/** An error as @trpc/client builds it from a service's error response (service-kit's formatter). */
function serviceError(code: string, message: string, fieldErrors: Record<string, string[]> | null = null) {
  return new TRPCClientError(message, { result: { error: { code: -32600, message, data: { code, httpStatus: 400, path: "x", fieldErrors } } } });
}

const download = "http://portal.test/stats/extract/download?fromYear=2010&toYear=2026&format=csv";
const args = (url = download, cookie?: string) => ({
  request: new Request(url, { headers: cookie ? { cookie } : {} }),
  context: {},
  params: {},
});
const back = ({ request }: { request: Request }) => backTo(request, "/stats/extract");

afterEach(() => vi.restoreAllMocks());

/** What the page `location` shows after following the answer with its cookie. */
async function landing(answer: Response) {
  const location = answer.headers.get("location") ?? "";
  const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { location, ...(await takeRefusal(new Request(new URL(location, "http://portal.test"), { headers: { cookie } }))) };
}

describe("downloadLoader", () => {
  it.each([
    [
      "the service's refusal of a download, naming its field",
      () => data({ message: "一次最多抽取10个年度", field: "toYear" }, { status: 400 }),
      "toYear",
      "一次最多抽取10个年度",
    ],
    [
      "a tRPC refusal naming a field",
      () => serviceError("BAD_REQUEST", "统计时间不能晚于今天", { asOf: ["统计时间不能晚于今天"] }),
      "asOf",
      "统计时间不能晚于今天",
    ],
    [
      "a refusal of a unit out of scope",
      () => serviceError("NOT_FOUND", "单位不存在或不在您的管理范围内", { unitId: ["单位不存在或不在您的管理范围内"] }),
      "unitId",
      "单位不存在或不在您的管理范围内",
    ],
    [
      "too many rows (no field)",
      () => data({ message: "导出的数据共300000条，超过单次导出上限200000条" }, { status: 400 }),
      null,
      "导出的数据共300000条，超过单次导出上限200000条",
    ],
    [
      "a filter the portal refuses (a JSON Response)",
      () => json({ message: "筛选条件有误：统计时间不是有效日期" }, { status: 400 }),
      null,
      "筛选条件有误：统计时间不是有效日期",
    ],
    ["a bug", () => new TypeError("x is undefined"), null, "系统繁忙，请稍后再试（错误编号 "],
  ] as const)("sends %s back to the page with the values as typed, the message for that page only", async (_, thrown, field, message) => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const loader = downloadLoader(back, async () => {
      throw thrown();
    });
    const answer = await loader(args());
    expect(answer.status).toBe(303);
    const landed = await landing(answer);
    expect(landed.location).toBe("/stats/extract?fromYear=2010&toYear=2026&format=csv");
    expect(landed.refusal).toMatchObject({ path: "/stats/extract", field });
    expect(landed.refusal?.message.startsWith(message)).toBe(true);
    expect(landed.clear).toMatch(/^ce_refusal=;.*Max-Age=0/);
    // Another page does not show it (and clears it).
    const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await takeRefusal(new Request("http://portal.test/stats/counts", { headers: { cookie } }))).refusal).toBeNull();
  });

  it("lets a file, a redirect and an expired session through", async () => {
    const file = new Response("a,b\r\n", { headers: { "content-type": "text/csv" } });
    expect(await downloadLoader(back, async () => file)(args())).toBe(file);
    const toLogin = redirect("/login?redirectTo=%2Fstats%2Fextract");
    expect(
      await downloadLoader(back, async () => {
        throw toLogin;
      })(args()),
    ).toBe(toLogin);
    const expired = await downloadLoader(back, async () => {
      throw serviceError("UNAUTHORIZED", "登录已过期，请重新登录");
    })(args());
    expect(expired.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("reads no refusal from a forged or missing cookie, and the export's format is not a filter of its page", async () => {
    expect(await takeRefusal(new Request("http://portal.test/stats/extract"))).toEqual({ refusal: null, clear: null });
    const forged = `ce_refusal=${Buffer.from(JSON.stringify({ path: "/stats/extract", field: null, message: "伪造" })).toString("base64")}`;
    expect((await takeRefusal(new Request("http://portal.test/stats/extract", { headers: { cookie: forged } }))).refusal).toBeNull();
    expect(backTo(new Request("http://portal.test/stats/counts/export?asOf=2026-01-01&format=csv"), "/stats/counts", ["format"])).toBe(
      "/stats/counts?asOf=2026-01-01",
    );
  });
});
