import { describe, expect, it } from "vitest";
import { missingIds, reviewBatch, splitPending } from "./reviews.ts";

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

  const found = [
    { id: "a", name: "甲", status: "PENDING" },
    { id: "b", name: "乙", status: "APPROVED" },
  ];
  it.each([
    { requested: ["a", "b"], result: { pending: [found[0]], alreadyDecided: ["乙"] } },
    { requested: ["b", "a", "b"], result: { pending: [found[0]], alreadyDecided: ["乙"] } },
    { requested: ["a", "x"], refused: true },
    { requested: ["x"], refused: true },
  ])("reviewBatch($requested) refuses unseen ids as a whole, else splits", ({ requested, result, refused }) => {
    if (refused) expect(() => reviewBatch(requested, found)).toThrow("所选记录不存在或不在本单位管辖范围内");
    else expect(reviewBatch(requested, found)).toEqual(result);
  });
});
