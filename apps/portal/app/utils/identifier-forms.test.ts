import {
  CREDIT_CODE_CONFIRM_MESSAGE,
  LoginInput,
  PrepareAdminInput,
  RegisterEmployerInput,
  RegisterProfessionalInput,
  RequestCodeChangeInput,
  RequestPasswordResetInput,
  RequestProfileChangeInput,
} from "@ce/contracts";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { needsCodeConfirmation } from "../components/CreditCodeConfirm.tsx";
import { zhErrorMap } from "./validation.ts";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

const captcha = { captchaId: "abc", captchaAnswer: "1234" };
const fullWidthId = "３７０１０２１９７７０１２００００ｘ";

// The browser and the action parse the same schemas with conform: what a person pastes is folded there too.
describe("identifier fields of the portal's forms", () => {
  it.each([
    ["登录", LoginInput, { userType: "PROFESSIONAL", idType: "RESIDENT_ID", idNumber: fullWidthId, password: "x", ...captcha }],
    ["忘记密码", RequestPasswordResetInput, { userType: "PROFESSIONAL", idType: "RESIDENT_ID", idNumber: `\u200B${fullWidthId}\u3000`, ...captcha }],
    ["新增管理员 (已是本系统用户)", PrepareAdminInput, { way: "EXISTING", idType: "RESIDENT_ID", idNumber: `370102\u00A019770120000x`, password: "x" }],
  ] as const)("%s folds a pasted 证件号", (_form, schema, entries) => {
    const submission = parseWithZod(form(entries), { schema, error: zhErrorMap });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && (submission.value as { idNumber: string }).idNumber).toBe("37010219770120000X");
  });

  it("folds a pasted 手机号 in 人员信息修改", () => {
    const submission = parseWithZod(form({ phone: "＋８６ １３８－００１３－８０００" }), { schema: RequestProfileChangeInput, error: zhErrorMap });
    expect(submission.status === "success" && submission.value.phone).toBe("13800138000");
  });

  it("builds constraints for every form with an identifier field", () => {
    for (const schema of [LoginInput, RequestPasswordResetInput, RegisterProfessionalInput, RegisterEmployerInput, RequestCodeChangeInput, PrepareAdminInput]) {
      expect(() => getZodConstraint(schema)).not.toThrow();
    }
  });

  it("asks to confirm a credit code with a wrong check character, and reads the checkbox", () => {
    const first = parseWithZod(form({ code: "９１３５０２０３ｍ０００１ｑｋｔ１９" }), { schema: RequestCodeChangeInput, error: zhErrorMap });
    const errors = first.reply().error ?? {};
    expect(errors.code).toEqual([CREDIT_CODE_CONFIRM_MESSAGE]);
    expect(needsCodeConfirmation(errors.code)).toBe(true);
    const second = parseWithZod(form({ code: "91350203M0001QKT19", codeConfirmed: "on" }), { schema: RequestCodeChangeInput, error: zhErrorMap });
    expect(second.status === "success" && second.value).toEqual({ code: "91350203M0001QKT19", codeConfirmed: true });
    expect(needsCodeConfirmation(undefined, "on")).toBe(true);
    expect(needsCodeConfirmation(["机构代码/统一社会信用代码格式不正确"])).toBe(false);
  });
});
