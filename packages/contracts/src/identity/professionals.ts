import { z } from "zod";
import { MultiLineText } from "../text.ts";

/** 显示完整信息: the clear ID and/or phone number of one person, logged with a purpose. */
export const RevealPiiInput = z.object({
  accountId: z.uuid(),
  fields: z.array(z.enum(["idNumber", "phone"])).min(1, "请选择要显示的信息"),
  purpose: MultiLineText({ label: "用途", max: 200, tooLong: "用途过长" }).optional(),
});
export type RevealPiiInput = z.input<typeof RevealPiiInput>;

export const RevealedPii = z.object({ idNumber: z.string().nullable().optional(), phone: z.string().nullable().optional() });
export type RevealedPii = z.infer<typeof RevealedPii>;

/** 专业技术人员信息查询 › 重置密码: the professional whose password the admin resets. */
export const ResetProfessionalPasswordInput = z.object({ accountId: z.uuid({ error: "人员编号无效" }) });
export type ResetProfessionalPasswordInput = z.infer<typeof ResetProfessionalPasswordInput>;
