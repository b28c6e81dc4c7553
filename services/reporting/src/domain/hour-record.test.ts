import type { DeclarationEvent, DeclarationStatus } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { countsAsOf, type HourEventKind, type HourRecord, mergeHourEvent } from "./hour-record.ts";

const declaration = (status: DeclarationStatus, recognizedHours: number | null = null): DeclarationEvent => ({
  declarationId: "00000000-0000-4000-8000-0000000000d1",
  accountId: "00000000-0000-4000-8000-0000000000a1",
  professionalName: "王师傅",
  unitId: "00000000-0000-4000-8000-0000000000b1",
  unitPath: "/p/b1/",
  year: 2026,
  subject: "PROFESSIONAL",
  formCode: "JOB_TRAINING",
  formVersion: 1,
  requestedHours: 40,
  computedHours: 40,
  recognizedHours,
  status,
  currentHandlerId: null,
  reason: null,
});

type Step = [HourEventKind, string, DeclarationEvent];
const submitted: Step = ["submitted", "2026-03-10T01:00:00.000Z", declaration("PENDING")];
const approved: Step = ["approved", "2026-03-20T01:00:00.000Z", declaration("APPROVED", 36)];
const auditFailed: Step = ["auditFailed", "2026-07-15T01:00:00.000Z", declaration("VOIDED", 36)];
const voided: Step = ["voided", "2026-07-15T01:00:00.000Z", declaration("VOIDED", 36)];

const fold = (steps: Step[]) => steps.reduce<HourRecord | null>((r, [kind, t, data]) => mergeHourEvent(r, kind, new Date(t), data), null)!;

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe("mergeHourEvent", () => {
  it("keeps each step's instant, the approval's 认定学时 and the latest status", () => {
    expect(fold([submitted, approved, auditFailed, voided])).toMatchObject({
      year: 2026,
      subject: "PROFESSIONAL",
      recognizedHours: 36,
      status: "VOIDED",
      submittedAt: new Date("2026-03-10T01:00:00.000Z"),
      approvedAt: new Date("2026-03-20T01:00:00.000Z"),
      voidedAt: new Date("2026-07-15T01:00:00.000Z"),
      filedAt: null,
    });
  });

  it("ends in the same row for every arrival order and with a redelivered event", () => {
    const steps = [submitted, approved, voided, approved];
    const expected = fold(steps);
    for (const order of permutations(steps)) expect(fold(order)).toEqual(expected);
  });

  it.each<[string, Step[], DeclarationStatus, number | null]>([
    ["submitted only", [submitted], "PENDING", null],
    ["rejected", [submitted, ["rejected", "2026-03-12T00:00:00.000Z", declaration("REJECTED")]], "REJECTED", null],
    ["withdrawn", [submitted, ["withdrawn", "2026-03-11T00:00:00.000Z", declaration("WITHDRAWN")]], "WITHDRAWN", null],
    ["filed after approval", [approved, ["audited", "2026-04-01T00:00:00.000Z", declaration("FILED", 36)]], "FILED", 36],
    ["voided arriving before its approval", [voided, approved], "VOIDED", 36],
  ])("%s: status %s, 认定学时 %s", (_name, steps, status, hours) => {
    expect(fold(steps)).toMatchObject({ status, recognizedHours: hours });
  });
});

describe("countsAsOf", () => {
  const record = fold([submitted, approved, voided]);
  it.each([
    ["before the approval", "2026-03-20T00:59:59.999Z", false],
    ["at the approval", "2026-03-20T01:00:00.000Z", true],
    ["end of 2026-06-30 in Beijing, before the voiding", "2026-06-30T15:59:59.999Z", true],
    ["at the voiding", "2026-07-15T01:00:00.000Z", false],
  ])("%s: %s → %s", (_name, instant, counts) => {
    expect(countsAsOf(record, new Date(instant))).toBe(counts);
  });

  it("never counts a record that was not approved", () => {
    expect(countsAsOf(fold([submitted]), new Date("2027-01-01T00:00:00.000Z"))).toBe(false);
  });
});
