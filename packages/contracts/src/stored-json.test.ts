import { describe, expect, it } from "vitest";
import { z } from "zod";
import { storedJson } from "./stored-json.ts";

const Claim = z.object({ accountId: z.uuid(), stamp: z.string() });
const id = "00000000-0000-4000-8000-000000000001";

describe("storedJson", () => {
  it.each([
    ["the stored shape", JSON.stringify({ accountId: id, stamp: "never" }), { accountId: id, stamp: "never" }],
    ["extra keys dropped", JSON.stringify({ accountId: id, stamp: "x", admin: true }), { accountId: id, stamp: "x" }],
    ["a __proto__ key does not reach the result", `{"accountId":"${id}","stamp":"x","__proto__":{"polluted":1}}`, { accountId: id, stamp: "x" }],
    ["null text (nothing stored)", null, null],
    ["undefined text", undefined, null],
    ["empty text", "", null],
    ["not JSON", "{accountId:", null],
    ["JSON null", "null", null],
    ["a JSON string", '"hello"', null],
    ["an array", "[]", null],
    ["an older shape (a field missing)", JSON.stringify({ accountId: id }), null],
    ["a field of the wrong type", JSON.stringify({ accountId: id, stamp: 5 }), null],
    ["a malformed id", JSON.stringify({ accountId: "not-a-uuid", stamp: "x" }), null],
  ])("%s", (_what, text, expected) => {
    const value = storedJson(Claim, text);
    expect(value).toEqual(expected);
    expect((value as Record<string, unknown> | null)?.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers the schema's output (defaults and transforms applied)", () => {
    const WithDefault = z.object({ n: z.number().default(3), s: z.string().transform((v) => v.toUpperCase()) });
    expect(storedJson(WithDefault, '{"s":"ab"}')).toEqual({ n: 3, s: "AB" });
  });
});
