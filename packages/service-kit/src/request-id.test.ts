import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it.each(["5d0c8a4e-8a56-4f3c-9d1e-0a3a4f2b7c11", "req_12345678", "trace.abc-DEF_0123", "a".repeat(128)])("keeps %s", (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ["nothing", null],
    ["undefined", undefined],
    ["empty", ""],
    ["too short", "abc1234"],
    ["too long", "R".repeat(129)],
    ["markup", "<img src=x onerror=alert(1)>"],
    ["spaces", "a request id"],
    ["a newline (log injection)", "abcdefgh\nlevel=50"],
    ["full-width", "ａｂｃｄｅｆｇｈ"],
  ])("replaces %s with a new UUID", (_, incoming) => {
    expect(requestIdFrom(incoming)).toMatch(UUID);
  });
});
