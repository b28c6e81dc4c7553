import { ComplianceAsOfInput, TitleDistributionInput } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isolateInputSchema } from "./isolate-schema.ts";
import { inputFieldErrors, unknownFieldMessage } from "./procedure.ts";

/** What trpc-to-openapi's handler does to an input object (coerceSchema): `coerce` on in the definitions it reaches. */
function coerceLikeTheHandler(schema: z.ZodObject) {
  for (const field of Object.values(schema.shape) as z.ZodType[]) {
    let inner = field as z.ZodType & { _zod: { def: Record<string, unknown> } };
    while (["optional", "nullable", "default", "prefault"].includes(inner._zod.def.type as string)) inner = inner._zod.def.innerType as typeof inner;
    if (["number", "boolean"].includes(inner._zod.def.type as string)) inner._zod.def.coerce = true;
  }
}

describe("isolateInputSchema", () => {
  it("gives the copy definitions of its own: coercion turned on in the copy leaves the original strict", () => {
    const original = z.object({ n: z.number().int().min(1, "至少为1"), flag: z.boolean().optional(), name: z.string() });
    const copy = isolateInputSchema(original);
    coerceLikeTheHandler(copy);
    expect(copy.parse({ n: "2", flag: "false", name: "x" })).toEqual({ n: 2, flag: true, name: "x" });
    expect(original.safeParse({ n: "2", name: "x" }).success).toBe(false);
    expect(original.safeParse({ n: 1, flag: "false", name: "x" }).success).toBe(false);
  });

  it("keeps checks, refinements and their Chinese messages", () => {
    const copy = isolateInputSchema(ComplianceAsOfInput);
    const r = copy.safeParse({ idNumber: "370102198001010011", fromYear: 2026, toYear: 2024 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["结束年度不能早于开始年度"]);
    expect(copy.safeParse({ idNumber: "370102198001010011", fromYear: 2020, toYear: 2026, asOf: "2026-06-30" }).success).toBe(true);
  });

  it("makes every object of the copy strict (an unknown field is refused by name) and leaves the original as it was", () => {
    const copy = isolateInputSchema(TitleDistributionInput);
    const r = copy.safeParse({ unitId: "86e48d26-0b18-4480-8e7f-60681e92f702" });
    expect(r.success).toBe(false);
    expect(r.error && inputFieldErrors(r.error)).toEqual({ unitId: [unknownFieldMessage("unitId")] });
    expect(unknownFieldMessage("unitId")).toBe("不支持的字段“unitId”：请对照 OpenAPI 文档中该接口的参数");
    expect(TitleDistributionInput.safeParse({ unitId: "x" }).success).toBe(true);
    const proto = copy.safeParse(JSON.parse('{"__proto__":{"x":1}}'));
    expect(proto.error && Object.keys(inputFieldErrors(proto.error))).toEqual(["__proto__"]);
  });
});
