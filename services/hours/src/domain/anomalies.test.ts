import { describe, expect, it } from "vitest";
import { anomalyFlags, type ClaimFacts, daysSpanned } from "./anomalies.ts";

const claim = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({
  id: "a",
  professionalId: "p1",
  className: "驾驶员岗位培训班",
  requestedHours: 40,
  startDate: "2026-03-02",
  endDate: "2026-03-06",
  attachmentHashes: ["h1"],
  ...over,
});

describe("anomalyFlags", () => {
  it("finds nothing wrong with a lone, plausible claim", () => {
    expect(anomalyFlags(claim(), [])).toEqual([]);
  });

  it("flags an attachment reused by another declaration", () => {
    expect(anomalyFlags(claim(), [claim({ id: "b", professionalId: "p2", className: "其他", attachmentHashes: ["h1"] })])).toEqual(["SHARED_ATTACHMENT"]);
  });

  it("flags overlapping dates of the same person, and not of someone else or back-to-back ranges", () => {
    const other = claim({ id: "b", className: "其他", attachmentHashes: [] });
    expect(anomalyFlags(claim(), [{ ...other, startDate: "2026-03-06", endDate: "2026-03-08" }])).toEqual(["OVERLAPPING_DATES"]);
    expect(anomalyFlags(claim(), [{ ...other, startDate: "2026-03-07", endDate: "2026-03-08" }])).toEqual([]);
    expect(anomalyFlags(claim(), [{ ...other, professionalId: "p2" }])).toEqual([]);
  });

  it("flags more than 8 学时 per day, counting both ends", () => {
    expect(daysSpanned("2026-03-02", "2026-03-06")).toBe(5);
    expect(anomalyFlags(claim({ requestedHours: 40 }), [])).toEqual([]);
    expect(anomalyFlags(claim({ requestedHours: 41 }), [])).toEqual(["OVER_8_PER_DAY"]);
    expect(anomalyFlags(claim({ requestedHours: 9, startDate: "2026-03-02", endDate: "2026-03-02" }), [])).toEqual(["OVER_8_PER_DAY"]);
  });

  it("flags the same class declared by someone else with different hours, ignoring spaces", () => {
    const other = claim({ id: "b", professionalId: "p2", className: "驾驶员 岗位培训班", requestedHours: 32, attachmentHashes: [] });
    expect(anomalyFlags(claim(), [other])).toEqual(["CLASS_HOURS_MISMATCH"]);
    expect(anomalyFlags(claim(), [{ ...other, requestedHours: 40 }])).toEqual([]);
  });

  it("ignores the declaration itself among the others", () => {
    expect(anomalyFlags(claim(), [claim()])).toEqual([]);
  });
});
