import { describe, expect, it } from "vitest";
import { startingRecognized } from "./approvals.ts";

// The figure a level starts from, which hours decides by and the 审核 page pre-fills (issue 7 fault 3).
describe("startingRecognized", () => {
  it.each([
    ["first level: the computed hours", { requestedHours: 6, computedHours: 4, recognizedHours: null }, 4],
    ["first level: never more than claimed", { requestedHours: 3, computedHours: 8, recognizedHours: null }, 3],
    ["the city lowered 4 to 2: the province starts from 2", { requestedHours: 4, computedHours: 4, recognizedHours: 2 }, 2],
    ["a lower level recognised 0: 0, not the computed hours", { requestedHours: 4, computedHours: 4, recognizedHours: 0 }, 0],
    ["a lower level kept the figure", { requestedHours: 5, computedHours: 5, recognizedHours: 5 }, 5],
  ])("%s → %i", (_what, declaration, expected) => {
    expect(startingRecognized(declaration)).toBe(expected);
  });
});
