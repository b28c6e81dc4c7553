// Whole-number form fields as the portal reads a posted form (conform's parseWithZod with the
// contracts schema, as form-action.server.ts does): conform turns text into a number with Number()
// for any z.number() it finds — so 0x10 was read as 16 and 1e2 as 100 (issue 11 probe fault 11:
// 接口令牌's 有效期). Every such field is contracts' wholeNumberField, whose text branch comes first,
// so the form's text reaches the one strict parser as typed. One table over the fields that use it.
import { ApproveInput, CreateApiTokenInput, CreateDepartmentInput } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { zhErrorMap } from "./validation.ts";

type Schema = Parameters<typeof parseWithZod>[1]["schema"];

/** The form posted with `fields`; the field's parsed value, or its first message. */
function posted(schema: Schema, fields: Record<string, string | string[]>, field: string): unknown {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  const r = parseWithZod(form, { schema, error: zhErrorMap });
  if (r.status === "success") return (r.value as Record<string, unknown>)[field];
  return r.error?.[field]?.[0] ?? JSON.stringify(r.error);
}

const token = { name: "分析", permissions: "professionalCounts" };
const approve = { declarationId: "8c0c7f8e-2f5c-4d8e-9d51-4e6f7a1b2c3d" };

describe("whole-number form fields read as typed", () => {
  it.each<[string, Schema, Record<string, string | string[]>, string, unknown]>([
    ["有效期 0x10", CreateApiTokenInput, { ...token, validDays: "0x10" }, "validDays", "有效期须为整数天"],
    ["有效期 1e2", CreateApiTokenInput, { ...token, validDays: "1e2" }, "validDays", "有效期须为整数天"],
    ["有效期 ３０", CreateApiTokenInput, { ...token, validDays: "３０" }, "validDays", 30],
    ["有效期 left empty", CreateApiTokenInput, { ...token, validDays: "" }, "validDays", 90],
    ["每分钟调用上限 0x10", CreateApiTokenInput, { ...token, ratePerMinute: "0x10" }, "ratePerMinute", "每分钟调用上限须为整数"],
    ["证件号查询上限 1e3", CreateApiTokenInput, { ...token, idLookupsPerDay: "1e3" }, "idLookupsPerDay", "证件号查询上限须为整数"],
    ["证件号查询上限 500", CreateApiTokenInput, { ...token, idLookupsPerDay: "500" }, "idLookupsPerDay", 500],
    ["认定学时 0x10", ApproveInput, { ...approve, recognizedHours: "0x10" }, "recognizedHours", "认定学时须为整数"],
    ["认定学时 1e1", ApproveInput, { ...approve, recognizedHours: "1e1" }, "recognizedHours", "认定学时须为整数"],
    ["认定学时 36", ApproveInput, { ...approve, recognizedHours: "36" }, "recognizedHours", 36],
    ["排序号 0x10", CreateDepartmentInput, { name: "办公室", sortOrder: "0x10" }, "sortOrder", "排序号必须是整数"],
    ["排序号 12", CreateDepartmentInput, { name: "办公室", sortOrder: "12" }, "sortOrder", 12],
  ])("%s", (_case, schema, fields, field, expected) => {
    expect(posted(schema, fields, field)).toEqual(expected);
  });
});
