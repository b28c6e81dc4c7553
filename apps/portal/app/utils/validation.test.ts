import { LoginInput } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { zhErrorMap } from "./validation.ts";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

describe("login form validation", () => {
  it("names every missing field in Chinese", () => {
    const submission = parseWithZod(form({ userType: "AUTHORITY", idType: "RESIDENT_ID" }), { schema: LoginInput, error: zhErrorMap });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors).toMatchObject({
      idNumber: ["请输入证件号"],
      password: ["请输入密码"],
      captchaAnswer: ["请输入验证码"],
      captchaId: ["验证码已失效，请点击图片换一张"],
    });
  });

  it("refuses an unknown user type with a Chinese message that names it", () => {
    const submission = parseWithZod(form({ userType: "ROOT", idNumber: "1", password: "x", captchaId: "abc", captchaAnswer: "1234" }), {
      schema: LoginInput,
      error: zhErrorMap,
    });
    expect(submission.reply().error).toEqual({ userType: ["请选择用户类型"] });
  });

  it("reads 记住密码 from the checkbox", () => {
    const submission = parseWithZod(form({ userType: "AUTHORITY", idNumber: "1", password: "x", captchaId: "abc", captchaAnswer: "1234", remember: "on" }), {
      schema: LoginInput,
      error: zhErrorMap,
    });
    expect(submission.status === "success" && submission.value.remember).toBe(true);
  });
});
