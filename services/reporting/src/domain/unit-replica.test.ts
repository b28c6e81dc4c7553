import { isNewerSnapshot } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { registrationBucket, unitCountsByKind } from "./unit-replica.ts";

describe("unit replica rules", () => {
  it("applies the first snapshot of a unit", () => {
    expect(isNewerSnapshot({ version: 1 }, null)).toBe(true);
  });

  it("ignores a snapshot that is not newer than the one held", () => {
    expect(isNewerSnapshot({ version: 2 }, { version: 2 })).toBe(false);
    expect(isNewerSnapshot({ version: 1 }, { version: 3 })).toBe(false);
    expect(isNewerSnapshot({ version: 4 }, { version: 3 })).toBe(true);
  });

  it("counts a unit on the day it was registered, under its kind and region", () => {
    expect(registrationBucket({ kind: "EMPLOYER", region: "370100" }, "2026-11-28T12:00:00.000Z")).toEqual({
      day: "2026-11-28",
      kind: "EMPLOYER",
      region: "370100",
    });
    expect(registrationBucket({ kind: "AUTHORITY", region: null }, "2026-01-01T00:00:00.000Z").region).toBe("");
  });

  it.each([
    ["2026-11-28T15:59:59.999Z", "2026-11-28"],
    ["2026-11-28T16:00:00.000Z", "2026-11-29"], // 00:00 the next day in Beijing
    ["2026-11-28T23:59:00.000Z", "2026-11-29"],
    ["2025-12-31T16:30:00.000Z", "2026-01-01"],
    ["2026-03-01T07:00:00+08:00", "2026-03-01"],
  ])("counts a unit registered at %s on the Beijing day %s", (occurredAt, day) => {
    expect(registrationBucket({ kind: "EMPLOYER", region: "370100" }, occurredAt).day).toBe(day);
  });

  it("reports zero for kinds without units", () => {
    expect(unitCountsByKind([{ kind: "EMPLOYER", count: 3 }])).toEqual({ AUTHORITY: 0, EMPLOYER: 3, TRAINING_BASE: 0 });
  });
});
