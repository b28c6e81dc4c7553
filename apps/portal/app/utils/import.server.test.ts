// 批量导入's page (utils/import.server.ts) against stand-in services: the upload goes to identity's
// dry run as base64 and the report comes back on the page (a check writes nothing, so no redirect);
// a refused file comes back by the file field; 下载模板 is the XLSX identity built.
import type { ImportDryRun, Me } from "@ce/contracts";
import { testTag } from "@ce/testkit";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { admin } from "./form-action-cases.test-support.ts";
import { standInSession } from "./service-stand-ins.test-support.ts";

const session = standInSession(testTag("importpage"), admin as Me);

// A fresh load context per request: the portal keeps the viewer for the request it serves (keyed by its context).
const context = (): AppLoadContext => ({ requestId: "req-12345678", clientIp: "127.0.0.1" });
const report: ImportDryRun = {
  rows: 3,
  importable: 1,
  invalid: 1,
  duplicates: 1,
  errors: [
    { row: 4, column: "证件号", message: "证件号校验位不正确" },
    { row: 5, column: "证件号", message: "证件号与第3行重复" },
  ],
  errorsTruncated: false,
  notes: [],
};

async function upload(file: File | null): Promise<{ data: Record<string, unknown>; status: number } | Response> {
  const { action } = (await import("../routes/_app.import._index.tsx")) as { action: (a: ActionFunctionArgs) => Promise<unknown> };
  const form = new FormData();
  if (file) form.append("file", file);
  const request = new Request("http://portal.test/import?index", { method: "POST", headers: { cookie: session.cookie }, body: form });
  const out = (await action({ request, context: context(), params: {} })) as Response | { data: Record<string, unknown>; init: { status: number } | null };
  return out instanceof Response ? out : { data: out.data, status: out.init?.status ?? 200 };
}

async function check(file: File | null): Promise<{ data: Record<string, unknown>; status: number }> {
  const out = await upload(file);
  if (out instanceof Response) throw new Error(`answered ${out.status}`);
  return out;
}

describe("上传并校验", () => {
  it("sends the file to identity's dry run as base64 and shows its report on the page", async () => {
    session.answers["identity:imports.dryRun"] = report;
    const csv = "姓名,证件号\r\n张三,370102198801020019\r\n";
    const out = await check(new File([csv], "人员.csv", { type: "text/csv" }));
    expect(out.status).toBe(200);
    expect(out.data).toEqual({ check: report, fileName: "人员.csv" });
    const sent = session.standIns.inputs.find((i) => i.call === "identity:imports.dryRun")?.input as { fileName: string; base64: string };
    expect(sent.fileName).toBe("人员.csv");
    expect(Buffer.from(sent.base64, "base64").toString("utf8")).toBe(csv);
  });

  it("without a file: 请选择要导入的文件 by the file field, and no call", async () => {
    const out = await check(null);
    expect(out.status).toBe(400);
    expect((out.data.result as { error: Record<string, string[]> }).error.fileName).toEqual(["请选择要导入的文件"]);
    expect(session.standIns.calls).not.toContain("identity:imports.dryRun");
  });

  it("identity's refusal of the file comes back by the file field", async () => {
    session.failures["identity:imports.dryRun"] = { code: "BAD_REQUEST", message: "缺少必填列：学历", fieldErrors: { file: ["缺少必填列：学历"] } };
    const out = await check(new File(["姓名,证件号\r\n"], "人员.csv", { type: "text/csv" }));
    expect(out.status).toBe(400);
    expect((out.data.result as { error: Record<string, string[]> }).error.fileName).toEqual(["缺少必填列：学历"]);
  });

  it("refuses a user without the 批量导入 module with the 403 page, before any check", async () => {
    session.viewer = { ...admin, permissions: ["stats.view"] };
    const thrown = await upload(new File(["x"], "人员.csv")).catch((e: unknown) => e);
    expect((thrown as { init?: { status: number } }).init?.status).toBe(403);
    expect(session.standIns.calls).not.toContain("identity:imports.dryRun");
  });
});

describe("导出失败信息", () => {
  const post = async (file: File | null) => {
    const { action } = (await import("../routes/_app.import.failed.ts")) as { action: (a: ActionFunctionArgs) => Promise<Response> };
    const form = new FormData();
    if (file) form.append("file", file);
    return action({
      request: new Request("http://portal.test/import/failed", { method: "POST", headers: { cookie: session.cookie }, body: form }),
      context: context(),
      params: {},
    });
  };

  it("sends the file to identity's failedRows and answers its XLSX as a download", async () => {
    session.answers["identity:imports.failedRows"] = { fileName: "批量导入失败信息.xlsx", base64: Buffer.from("PK\u0003\u0004failed").toString("base64") };
    const res = await post(new File(["姓名,证件号\r\n"], "人员.csv", { type: "text/csv" }));
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("批量导入失败信息.xlsx")}`);
    expect(Buffer.from(await res.arrayBuffer()).toString("latin1")).toBe("PK\u0003\u0004failed");
    expect(session.standIns.inputs.find((i) => i.call === "identity:imports.failedRows")?.input).toMatchObject({ fileName: "人员.csv" });
  });

  it("identity's refusal, and no file, go back to 批量导入 with the reason (downloadLoader; downloads.server.test.ts)", async () => {
    session.failures["identity:imports.failedRows"] = {
      code: "BAD_REQUEST",
      message: "该文件没有有错误的行，无需导出失败信息",
      fieldErrors: { file: ["该文件没有有错误的行，无需导出失败信息"] },
    };
    const { takeRefusal } = await import("./download-refusal.server.ts");
    const shown = async (answer: Response) => {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/import");
      const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return (await takeRefusal(new Request("http://portal.test/import", { headers: { cookie } }))).refusal?.message;
    };
    expect(await shown(await post(new File(["x"], "人员.csv")))).toBe("该文件没有有错误的行，无需导出失败信息");
    expect(await shown(await post(null))).toBe("请选择要导入的文件");
  });
});

describe("下载模板", () => {
  it("answers identity's XLSX as a download named 批量导入模板.xlsx, never cached", async () => {
    session.answers["identity:imports.template"] = { fileName: "批量导入模板.xlsx", base64: Buffer.from("PK\u0003\u0004xlsx").toString("base64") };
    const { loader } = (await import("../routes/_app.import.template.ts")) as { loader: (a: LoaderFunctionArgs) => Promise<Response> };
    const res = await loader({
      request: new Request("http://portal.test/import/template", { headers: { cookie: session.cookie } }),
      context: context(),
      params: {},
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("批量导入模板.xlsx")}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await res.arrayBuffer()).toString("latin1")).toBe("PK\u0003\u0004xlsx");
  });
});
