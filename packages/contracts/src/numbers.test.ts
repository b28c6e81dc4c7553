// The kind under test: a number a person types (学时, 排序号, 抽样数量, 年度) is read as a number
// only when written as one — "1e1", "0x10", "" and null are not 10, 16 and 0 as z.coerce read them.
import { describe, expect, it } from "vitest";
import { ApproveInput, CreateDepartmentInput, DeclareInput, daysSpanned, ListAuditsInput, parseTypedDecimal, wholeNumberField } from "./index.ts";

const hours = wholeNumberField({ label: "认定学时", min: 0, max: 1000 });
const outcome = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? r.data : r.error!.issues[0]!.message;
};

describe("wholeNumberField", () => {
  it.each([
    [3, 3],
    ["3", 3],
    ["007", 7],
    [" 4 ", 4],
    ["\u30004\u3000", 4],
    ["４", 4],
    ["０１２", 12],
    ["4.0", 4],
    ["+3", 3],
    ["-0", 0],
    ["", "请填写认定学时"],
    ["  ", "请填写认定学时"],
    [null, "请填写认定学时"],
    [true, "请填写认定学时"],
    [[], "请填写认定学时"],
    [{}, "请填写认定学时"],
    [Number.NaN, "请填写认定学时"],
    ["0.5", "认定学时须为整数"],
    [0.5, "认定学时须为整数"],
    ["1e1", "认定学时须为整数"],
    ["0x10", "认定学时须为整数"],
    ["Infinity", "认定学时须为整数"],
    ["3.", "认定学时须为整数"],
    [".5", "认定学时须为整数"],
    ["--3", "认定学时须为整数"],
    ["1 000", 1000],
    ["\u22121", "认定学时不能小于0"],
    ["三", "认定学时须为整数"],
    [-1, "认定学时不能小于0"],
    ["-1", "认定学时不能小于0"],
    [1001, "认定学时不能大于1000"],
    ["99999999999999999999", "认定学时不能大于1000"],
    [Number.POSITIVE_INFINITY, "请填写认定学时"],
  ])("%j → %j", (input, expected) => {
    expect(outcome(hours, input)).toEqual(expected);
  });
});

describe("every typed number field uses it", () => {
  const declarationId = "8c0c7f8e-2f5c-4d8e-9d51-4e6f7a1b2c3d";
  it.each([
    ["认定学时 1e1", () => outcome(ApproveInput, { declarationId, recognizedHours: "1e1" }), "认定学时须为整数"],
    ["认定学时 '' over tRPC", () => outcome(ApproveInput, { declarationId, recognizedHours: "" }), "请填写认定学时"],
    ["认定学时 full-width", () => (outcome(ApproveInput, { declarationId, recognizedHours: "３６" }) as { recognizedHours: number }).recognizedHours, 36],
    ["认定学时 absent keeps the level's figure", () => (outcome(ApproveInput, { declarationId }) as { recognizedHours?: number }).recognizedHours, undefined],
    ["排序号 0x10", () => outcome(CreateDepartmentInput, { name: "办公室", sortOrder: "0x10" }), "排序号必须是整数"],
    ["排序号 10000", () => outcome(CreateDepartmentInput, { name: "办公室", sortOrder: "10000" }), "排序号不能大于9999"],
    ["抽样数量 1e2", () => outcome(ListAuditsInput, { sample: "COUNT", sampleSize: "1e2" }), "抽样数量须为整数"],
    ["年度 2.026e3", () => outcome(ListAuditsInput, { year: "2.026e3" }), "年度须为整数年份"],
    ["年度 1899", () => outcome(ListAuditsInput, { year: "1899" }), "年度应在1900至2100年之间"],
    ["年度 full-width", () => (outcome(ListAuditsInput, { year: "２０２６" }) as { year: number }).year, 2026],
    [
      "申请学时 1e2",
      () => DeclareInput.safeParse({ requestedHours: "1e2" }).error?.issues.find((i) => i.path[0] === "requestedHours")?.message,
      "申请学时须为整数",
    ],
    ["申请学时 0", () => DeclareInput.safeParse({ requestedHours: "0" }).error?.issues.find((i) => i.path[0] === "requestedHours")?.message, "申请学时须大于0"],
  ])("%s", (_what, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe("parseTypedDecimal (a learning form's own number fields)", () => {
  it.each<[unknown, number | null]>([
    ["12", 12],
    ["１２", 12],
    [" 1.5 ", 1.5],
    ["0", 0],
    ["-0", 0],
    [3, 3],
    ["1\u200b2", 12],
    ["0x10", null],
    ["1e1", null],
    ["Infinity", null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NaN, null],
    ["", null],
    ["abc", null],
    [true, null],
    [null, null],
    [[], null],
    ["1.", null],
    [".5", null],
  ])("%j → %j", (value, expected) => {
    expect(parseTypedDecimal(value)).toBe(expected);
  });
});

describe("daysSpanned", () => {
  it.each([
    ["2026-03-01", "2026-03-01", 1],
    ["2026-03-01", "2026-03-05", 5],
    ["2024-02-28", "2024-03-01", 3],
    ["2025-12-31", "2026-01-01", 2],
    ["2026-03-05", "2026-03-01", 0],
  ])("%s…%s → %i", (start, end, days) => {
    expect(daysSpanned(start, end)).toBe(days);
  });
});

describe("审核通过 with 0 学时 is no approval (probe: the province approved with 认定学时 -0)", () => {
  const id = "8c0c7f8e-2f5c-4d8e-9d51-4e6f7a1b2c3d";
  it.each([0, "0", "-0", "０", " 0 "])("%j is refused, pointing to 驳回", (recognizedHours) => {
    expect(ApproveInput.safeParse({ declarationId: id, recognizedHours }).error?.issues.map((i) => i.message)).toEqual(["认定学时须大于0；不予认定请驳回"]);
  });
  it("1 and no figure at all are accepted", () => {
    expect(ApproveInput.parse({ declarationId: id, recognizedHours: "1" }).recognizedHours).toBe(1);
    expect(ApproveInput.parse({ declarationId: id }).recognizedHours).toBeUndefined();
  });
});
