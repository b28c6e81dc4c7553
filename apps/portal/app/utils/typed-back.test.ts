import { describe, expect, it } from "vitest";
import { typedBack, typedChecked, typedOr } from "./typed-back.ts";

describe("typedBack echoes only the named text fields", () => {
  it.each([
    [{ code: "91350203M0001QKT19", codeConfirmed: "on", intent: "code" }, ["code", "codeConfirmed"], { code: "91350203M0001QKT19", codeConfirmed: "on" }],
    [{ code: "" }, ["code"], { code: "" }],
    [{ code: "９１３５", password: "secret" }, ["code"], { code: "９１３５" }],
    [{ other: "x" }, ["code", "superiorId"], {}],
    [{ code: new File(["x"], "a.txt") }, ["code"], {}],
  ])("%j", (form, names, values) => {
    expect(typedBack(form, "code", names)).toEqual({ part: "code", values, checked: {} });
    const data = new FormData();
    for (const [k, v] of Object.entries(form)) data.set(k, v);
    expect(typedBack(data, "code", names)).toEqual({ part: "code", values, checked: {} });
  });
});

describe("typedOr gives the refused form its text back, the others their stored value", () => {
  const refusedCode = typedBack({ code: "91350203M0001QKT19", codeConfirmed: "on" }, "code", ["code", "codeConfirmed", "superiorId"]);
  it.each([
    [undefined, "code", "code", "", ""],
    [null, "save", "nature", "ENTERPRISE", "ENTERPRISE"],
    [refusedCode, "code", "code", "", "91350203M0001QKT19"],
    [refusedCode, "code", "codeConfirmed", "", "on"],
    [refusedCode, "save", "nature", "ENTERPRISE", "ENTERPRISE"],
    [refusedCode, "superior", "superiorId", "", ""],
    [refusedCode, "code", "superiorId", "s-1", "s-1"],
  ])("%j %s.%s", (typed, part, name, fallback, shown) => {
    expect(typedOr(typed, part, name, fallback)).toBe(shown);
  });
});

describe("typedChecked ticks again the boxes of the refused form", () => {
  const data = new FormData();
  for (const id of ["a", "c"]) data.append("ids", id);
  data.append("ids", new File(["x"], "x.txt"));
  data.set("reason", "");
  const typed = typedBack(data, "batch", ["reason"], ["ids", "permissions"]);
  it("collects every text value of a group, none for an absent group", () => {
    expect(typed.checked).toEqual({ ids: ["a", "c"], permissions: [] });
  });
  it.each([
    ["batch", "ids", "a", false, true],
    ["batch", "ids", "b", true, false],
    ["batch", "permissions", "x", true, false],
    ["other", "ids", "b", true, true],
    ["other", "ids", "a", false, false],
  ])("%s %s=%s (fallback %s) → %s", (part, group, value, fallback, ticked) => {
    expect(typedChecked(typed, part, group, value, fallback)).toBe(ticked);
  });
  it("falls back with no reply", () => {
    expect(typedChecked(undefined, "batch", "ids", "a", true)).toBe(true);
  });
});
