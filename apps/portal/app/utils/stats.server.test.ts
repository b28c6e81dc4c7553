import { ListAuditInput, ProfessionalCountsInput, TitleDistributionInput } from "@ce/contracts";
import { data } from "@remix-run/node";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { passRateText } from "../components/stats/filters.tsx";
import { backTo, downloadLoader } from "./download-refusal.server.ts";
import { FilterRefusal, loadStatistic } from "./stats.server.ts";

/** An error as @trpc/client builds it from a service's error response (service-kit's formatter). */
function serviceError(code: string, message: string, fieldErrors: Record<string, string[]> | null = null) {
  return new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { code, httpStatus: 400, path: "statistics.x", fieldErrors } } },
  });
}

const request = (query: string) => new Request(`http://portal.test/stats/counts${query}`);

/** What the service was asked, and a fixed answer. */
function recorder<R>(answer: R) {
  const asked: unknown[] = [];
  const call = async (input: unknown) => {
    asked.push(input);
    return answer;
  };
  return { asked, call };
}

describe("loadStatistic: a statistic's filters, refused next to their field", () => {
  it("asks the service with the parsed filters and answers 200 with the filters as typed", async () => {
    const { asked, call } = recorder({ rows: 1 });
    const load = await loadStatistic(request("?asOf=2026-06-30&page=2&unitId="), ProfessionalCountsInput, ["asOf"], call);
    expect(load).toEqual({ filters: { asOf: "2026-06-30", page: "2" }, result: { rows: 1 }, errors: {}, status: 200, refused: null, headers: undefined });
    expect(asked).toEqual([{ asOf: "2026-06-30", page: 2, pageSize: 20 }]);
  });

  // 统计时间 as typed → the message shown next to it; the service is never asked.
  it.each([
    ["1999-12-31", "统计时间不能早于2000-01-01"],
    ["2026-02-30", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
    ["abc", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
    ["2101-01-01", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
  ])("refuses 统计时间 %j with %j (400, no figures)", async (typed, message) => {
    const { asked, call } = recorder({});
    const load = await loadStatistic(request(`?asOf=${encodeURIComponent(typed)}`), ProfessionalCountsInput, ["asOf"], call);
    expect(load).toEqual({ filters: { asOf: typed }, result: null, errors: { asOf: message }, status: 400, refused: null, headers: undefined });
    expect(asked).toEqual([]);
  });

  it("puts the service's refusal of a shown field next to it: 统计时间 after today (400), a unit outside scope (404)", async () => {
    const future = await loadStatistic(request("?asOf=2026-12-01"), ProfessionalCountsInput, ["asOf"], async () => {
      throw serviceError("BAD_REQUEST", "统计时间不能晚于今天（2026-11-30）", { asOf: ["统计时间不能晚于今天（2026-11-30）"] });
    });
    expect(future).toMatchObject({ result: null, errors: { asOf: "统计时间不能晚于今天（2026-11-30）" }, status: 400 });
    const outside = await loadStatistic(
      request("?employer=青岛港"),
      TitleDistributionInput,
      ["from", "to", "employer"],
      async () => {
        throw serviceError("NOT_FOUND", "用人单位不存在或不在您的管理范围内", { employerId: ["用人单位不存在或不在您的管理范围内"] });
      },
      { employerId: "employer" },
    );
    expect(outside).toMatchObject({ result: null, errors: { employer: "用人单位不存在或不在您的管理范围内" }, status: 404 });
  });

  it("shows a refusal of the portal's own (a unit name that names no unit) next to its field", async () => {
    const load = await loadStatistic(request("?employer=无此单位"), TitleDistributionInput, ["employer"], async () => {
      throw new FilterRefusal("employer", "未找到名为“无此单位”的用人单位");
    });
    expect(load).toMatchObject({ filters: { employer: "无此单位" }, result: null, errors: { employer: "未找到名为“无此单位”的用人单位" }, status: 400 });
  });

  it.each([
    ["职称系列分布情况", TitleDistributionInput],
    ["操作日志", ListAuditInput],
  ] as const)("names the right end of a range (%s): 结束时间 before 开始时间 is refused on 结束时间, the service never asked", async (_page, schema) => {
    const { asked, call } = recorder({});
    const load = await loadStatistic(request("?from=2026-06-30&to=2026-01-01"), schema, ["from", "to"], call);
    expect(load).toMatchObject({ filters: { from: "2026-06-30", to: "2026-01-01" }, result: null, errors: { to: "结束时间不能早于开始时间" }, status: 400 });
    expect(asked).toEqual([]);
  });

  it("falls back to the first page for a hand-edited page, and answers a bad hidden filter with the 400 page", async () => {
    const { asked, call } = recorder({});
    await loadStatistic(request("?page=abc"), ProfessionalCountsInput, ["asOf"], call);
    expect(asked).toEqual([{ page: 1, pageSize: 20 }]);
    const thrown = await loadStatistic(request("?unitId=not-a-unit"), ProfessionalCountsInput, ["asOf"], call).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toEqual({ message: "筛选条件有误：单位编号无效" });
  });

  it("fails a refusal without a shown field as every list page does (an error page with its status)", async () => {
    const thrown = await loadStatistic(request("?unitId=3f1c0000-0000-4000-8000-000000000001"), ProfessionalCountsInput, ["asOf"], async () => {
      throw serviceError("NOT_FOUND", "单位不存在或不在您的管理范围内", { unitId: ["单位不存在或不在您的管理范围内"] });
    }).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ type: "DataWithResponseInit", data: { message: "单位不存在或不在您的管理范围内" }, init: { status: 404 } });
  });
});

describe("合格率 as the table prints it", () => {
  it.each([
    [33.33, "33.33%"],
    [100, "100.00%"],
    [0, "0.00%"],
    [null, "—"],
  ])("%j → %j", (rate, text) => {
    expect(passRateText(rate)).toBe(text);
  });
});

describe("loadStatistic: a refused export of the page comes back to it", () => {
  /** The page's request after its export at `exportQuery` was refused with `thrown`. */
  async function afterRefusedExport(exportQuery: string, thrown: unknown): Promise<Request> {
    const exported = new Request(`http://portal.test/stats/counts/export${exportQuery}`);
    const answer = await downloadLoader(
      ({ request }) => backTo(request, "/stats/counts", ["format"]),
      async () => {
        throw thrown;
      },
    )({ request: exported, context: {}, params: {} });
    const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return new Request(new URL(answer.headers.get("location") ?? "", "http://portal.test"), { headers: { cookie } });
  }

  it.each([
    [
      "naming a filter of the bar: next to it",
      serviceError("BAD_REQUEST", "统计时间不能晚于今天（2026-06-30）", { asOf: ["统计时间不能晚于今天（2026-06-30）"] }),
      { asOf: "统计时间不能晚于今天（2026-06-30）" },
      null,
    ],
    [
      "naming no filter: by the export links",
      data({ message: "导出的数据共300000条，超过单次导出上限200000条" }, { status: 400 }),
      {},
      "导出的数据共300000条，超过单次导出上限200000条",
    ],
    ["naming a field the bar does not show: by the export links", serviceError("NOT_FOUND", "单位不存在", { unitId: ["单位不存在"] }), {}, "单位不存在"],
  ])("%s, once (the answer clears it)", async (_, thrown, errors, refused) => {
    const page = await afterRefusedExport("?asOf=2026-06-30&format=csv", thrown);
    expect(page.url).toBe("http://portal.test/stats/counts?asOf=2026-06-30");
    const load = await loadStatistic(page, ProfessionalCountsInput, ["asOf"], recorder({ rows: 1 }).call);
    expect(load).toMatchObject({ result: { rows: 1 }, errors, refused });
    expect(load.headers?.["Set-Cookie"]).toMatch(/^ce_refusal=;.*Max-Age=0/);
  });
});
