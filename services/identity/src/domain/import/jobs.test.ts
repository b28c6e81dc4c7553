import { describe, expect, it } from "vitest";
import { firstOfEachKey, type ImportedPersonState, type ImportJobRecord, importJobMessages, importJobView, keptReason, undoPlan, undoRefusal } from "./jobs.ts";

const HOUR = 3_600_000;
const finished = new Date("2026-11-30T02:00:00.000Z");
const job = (over: Partial<ImportJobRecord> = {}): ImportJobRecord => ({
  id: "5b1f3a0e-2c4d-4e6f-8a9b-0c1d2e3f4a5b",
  unitId: "0b9c2a4e-6f1d-4c8e-9a55-3c1f2e7d8b90",
  fileName: "人员.xlsx",
  status: "DONE",
  totalRows: 10,
  rowsDone: 10,
  importable: 8,
  createdCount: 7,
  existingCount: 1,
  invalidCount: 2,
  error: null,
  createdAt: new Date(finished.getTime() - HOUR),
  finishedAt: finished,
  undoneAt: null,
  removedCount: null,
  kept: null,
  ...over,
});
const person = (over: Partial<ImportedPersonState> = {}): ImportedPersonState => ({
  accountId: "a",
  name: "甲",
  idNumberMasked: "3701021988****1234",
  activated: false,
  version: 1,
  profileChangeRequested: false,
  hoursDeclared: false,
  transferred: false,
  admin: false,
  ...over,
});

describe("undoRefusal: a finished import may be undone once, within 24 hours", () => {
  it.each([
    ["just finished", job(), new Date(finished.getTime() + 1000), null],
    ["at 24 h exactly", job(), new Date(finished.getTime() + 24 * HOUR), null],
    ["past 24 h", job(), new Date(finished.getTime() + 24 * HOUR + 1), importJobMessages.undoExpired],
    ["already undone", job({ status: "UNDONE" }), finished, importJobMessages.undoAlready],
    ["still running", job({ status: "RUNNING", finishedAt: null }), finished, importJobMessages.undoNotDone],
    ["failed", job({ status: "FAILED" }), finished, importJobMessages.undoNotDone],
  ])("%s", (_, j, now, expected) => {
    expect(undoRefusal(j, now)).toBe(expected);
  });
});

describe("keptReason and undoPlan: undo removes only whom nobody touched", () => {
  it("names the first reason that applies", () => {
    expect(keptReason(person())).toBeNull();
    expect(keptReason(person({ activated: true }))).toBe("SIGNED_IN");
    expect(keptReason(person({ version: 2 }))).toBe("PROFILE_CHANGED");
    expect(keptReason(person({ profileChangeRequested: true }))).toBe("PROFILE_CHANGED");
    expect(keptReason(person({ hoursDeclared: true, activated: true }))).toBe("HOURS_DECLARED");
    expect(keptReason(person({ transferred: true }))).toBe("TRANSFERRED");
    expect(keptReason(person({ admin: true }))).toBe("ADMIN");
  });
  it("splits the candidates into removed and kept (with name, masked number and why)", () => {
    const plan = undoPlan([person({ accountId: "a" }), person({ accountId: "b", name: "乙", activated: true })]);
    expect(plan.remove.map((p) => p.accountId)).toEqual(["a"]);
    expect(plan.kept).toEqual([{ name: "乙", idNumberMasked: "3701021988****1234", reason: "SIGNED_IN" }]);
  });
});

describe("firstOfEachKey: one person per 证件号 across a file's batches", () => {
  it("keeps the first row of a key and counts the later ones, remembering keys of earlier batches", () => {
    const seen = new Set<string>(["x"]);
    expect(firstOfEachKey(["a", "b", "a", "x"], (k) => k, seen)).toEqual({ fresh: ["a", "b"], repeats: 2 });
    expect(firstOfEachKey(["b", "c"], (k) => k, seen)).toEqual({ fresh: ["c"], repeats: 1 });
  });
});

describe("importJobView", () => {
  it("offers undo until 24 h after a DONE job finished, and not once undone", () => {
    expect(importJobView(job()).undoUntil).toBe("2026-12-01T02:00:00.000Z");
    expect(importJobView(job({ status: "UNDONE", removedCount: 3, kept: [] })).undoUntil).toBeNull();
    expect(importJobView(job({ status: "CHECKED", finishedAt: null }))).toMatchObject({ status: "CHECKED", finishedAt: null, kept: [] });
  });
});
