import { describe, expect, it } from "vitest";
import { missingIds, splitPending } from "./reviews.ts";

describe("batch review", () => {
  it("decides pending rows and names the ones already decided", () => {
    const rows = [
      { id: "a", name: "甲", status: "PENDING" },
      { id: "b", name: "乙", status: "APPROVED" },
      { id: "c", name: "丙", status: "REJECTED" },
    ];
    expect(splitPending(rows)).toEqual({ pending: [rows[0]], alreadyDecided: ["乙", "丙"] });
  });

  it("finds requested ids outside what the caller may see, once each", () => {
    expect(missingIds(["a", "b", "b", "c"], [{ id: "a" }])).toEqual(["b", "c"]);
    expect(missingIds(["a"], [{ id: "a" }])).toEqual([]);
  });
});
