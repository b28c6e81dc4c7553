import { describe, expect, it } from "vitest";
import { choosePrompt, chooseSubject } from "./prompts.ts";
import { zhErrorMap } from "./validation.ts";

describe("choosePrompt: the verb is said once", () => {
  it.each([
    ["调入单位", "请选择调入单位"],
    ["选择调入单位", "请选择调入单位"],
    ["请选择调入单位", "请选择调入单位"],
    ["选择：上级主管部门", "请选择上级主管部门"],
    ["  所在单位 ", "请选择所在单位"],
    ["学习形式：", "请选择学习形式"],
    ["选择", "请选择"],
    ["", "请选择"],
    ["可选择的科目", "请选择可选择的科目"],
  ])("%j → %s", (label, prompt) => {
    expect(choosePrompt(label)).toBe(prompt);
    expect(`请选择${chooseSubject(label)}`).toBe(prompt);
    expect(prompt).not.toMatch(/选择.*选择(?!的)/);
  });

  it("the default message of an unknown select value goes through it too", () => {
    const message = zhErrorMap({ code: "invalid_value", path: ["nature"], input: "x", values: ["a"] } as never);
    expect(message).toBe("请选择单位性质");
  });
});
