import { describe, expect, it } from "vitest";
import { approvedHoursDelta, NEVER, recordContribution } from "./approved-hours.ts";

const at = (day: string, time = "02:00") => new Date(`${day}T${time}:00.000Z`);
const record = (approved: Date | null, voided: Date | null = null, hours: number | null = 8) => ({
  unitId: "bus",
  recognizedHours: hours,
  approvedAt: approved,
  voidedAt: voided,
});
const show = (ds: ReturnType<typeof recordContribution>) => ds.map((d) => `${d.unitId} ${d.approvedDay} ${d.voidedDay} ${d.hours}h ${d.records}`);

describe("recordContribution", () => {
  it("is nothing before the approval, then the hours on the Beijing day of the approval, never voided", () => {
    expect(recordContribution(null)).toEqual([]);
    expect(recordContribution(record(null))).toEqual([]);
    // 16:00Z on 03-31 is 00:00 on 04-01 in Beijing.
    expect(show(recordContribution(record(at("2026-03-31", "16:00"))))).toEqual([`bus 2026-04-01 ${NEVER} 8h 1`]);
  });

  it("keeps the voiding day, so a chart as of an earlier day still counts the hours", () => {
    expect(show(recordContribution(record(at("2026-03-01"), at("2026-07-15"), 60)))).toEqual(["bus 2026-03-01 2026-07-15 60h 1"]);
  });
});

describe("approvedHoursDelta", () => {
  const approved = recordContribution(record(at("2026-03-01"), null, 60));
  const voided = recordContribution(record(at("2026-03-01"), at("2026-07-15"), 60));

  it("moves the hours from 'never voided' to the voiding day when a record is voided", () => {
    expect(show(approvedHoursDelta(approved, voided))).toEqual(["bus 2026-03-01 2026-07-15 60h 1", `bus 2026-03-01 ${NEVER} -60h -1`]);
  });

  it("is empty for an event that changes nothing, and adds the record once on its approval", () => {
    expect(approvedHoursDelta(voided, voided)).toEqual([]);
    expect(show(approvedHoursDelta([], approved))).toEqual([`bus 2026-03-01 ${NEVER} 60h 1`]);
  });
});
