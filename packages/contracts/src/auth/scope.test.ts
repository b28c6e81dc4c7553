import { describe, expect, it } from "vitest";
import { declareScopePath, isSubordinateOf, isWithinScope, pathIds, unitPath } from "./scope.ts";

const province = unitPath(null, "p");
const jinan = unitPath(province, "jn");
const qingdao = unitPath(province, "qd");
const jinanRoad = unitPath(jinan, "road");

describe("data scope", () => {
  it("builds a path from the superior's path and the unit id", () => {
    expect(jinanRoad).toBe("/p/jn/road/");
    expect(pathIds(jinanRoad)).toEqual(["p", "jn", "road"]);
  });

  it("lets the province see every city and what hangs below them", () => {
    expect(isWithinScope(province, jinan)).toBe(true);
    expect(isWithinScope(province, jinanRoad)).toBe(true);
  });

  it("keeps a city bureau out of its sibling city's subtree", () => {
    expect(isWithinScope(jinan, qingdao)).toBe(false);
    expect(isWithinScope(qingdao, jinanRoad)).toBe(false);
  });

  it("keeps a unit out of its superior", () => {
    expect(isWithinScope(jinan, province)).toBe(false);
  });

  it("does not confuse ids that share a prefix", () => {
    expect(isWithinScope("/p/j/", "/p/jn/")).toBe(false);
  });

  it("gives a caller without a unit no scope at all", () => {
    expect(isWithinScope(null, jinan)).toBe(false);
    expect(isWithinScope("", jinan)).toBe(false);
  });

  it("counts a unit as in its own scope but not as its own subordinate", () => {
    expect(isWithinScope(jinan, jinan)).toBe(true);
    expect(isSubordinateOf(jinan, jinan)).toBe(false);
    expect(isSubordinateOf(jinan, jinanRoad)).toBe(true);
  });
});

describe("whose hours a unit declares for", () => {
  it.each([
    ["an employer: its own subtree", "/sd/jn/bus/", "EMPLOYER", "/sd/jn/bus/"],
    ["a city bureau: its subtree", "/sd/jn/", "AUTHORITY", "/sd/jn/"],
    ["a CE base: the whole province, where the people it trained work", "/sd/jn/base/", "TRAINING_BASE", "/sd/"],
    ["a CE base right under the province: the province", "/sd/base/", "TRAINING_BASE", "/sd/"],
    ["a professional (no unit kind): their own path", "/sd/jn/bus/", null, "/sd/jn/bus/"],
  ])("%s", (_what, scope, kind, reach) => {
    expect(declareScopePath(scope, kind)).toBe(reach);
  });
});
