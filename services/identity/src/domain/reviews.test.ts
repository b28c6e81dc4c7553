import { describe, expect, it } from "vitest";
import { reviewBatch, reviewOutcome } from "./reviews.ts";

describe("batch review", () => {
  const found = [
    { id: "a", name: "甲", status: "PENDING" },
    { id: "b", name: "乙", status: "APPROVED" },
    { id: "c", name: "丙", status: "REJECTED" },
  ];
  it.each([
    { requested: ["a"], decided: ["甲"], skipped: [] },
    { requested: ["a", "b", "c"], decided: ["甲"], skipped: ["乙", "丙"] },
    { requested: ["b"], decided: [], skipped: ["乙"] },
    { requested: ["a", "x"], refused: true },
    { requested: ["x"], refused: true },
  ])("reviewBatch($requested) refuses unseen ids as a whole, else decides the pending and skips the rest", ({ requested, decided, skipped, refused }) => {
    const rows = found.filter((r) => requested.includes(r.id));
    if (refused) {
      expect(() => reviewBatch(requested, rows)).toThrow("所选记录不存在或不在本单位管辖范围内");
      return;
    }
    const outcome = reviewOutcome(reviewBatch(requested, rows));
    expect(outcome.decided.map((d) => d.label)).toEqual(decided);
    expect(outcome.skipped.map((s) => [s.label, s.reason, s.message])).toEqual(skipped?.map((n) => [n, "ALREADY_DECIDED", "已被其他管理员处理"]));
  });
});
