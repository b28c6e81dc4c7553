import { SEEDED_COMPLIANCE_RULES } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { judgeYear } from "./professional-counts.ts";
import { type CountedRecord, contributionDelta, type FigureDelta, type JudgeYear, type PersonSpan, personContribution } from "./unit-figures.ts";

const judge: JudgeYear = (year, _unit, _day, hours) => judgeYear(SEEDED_COMPLIANCE_RULES, year, null, hours);
// Instants in Beijing: 10:00 on the day given.
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const span = (unitId: string, status: string, from: string, to: string | null): PersonSpan => ({
  unitId,
  status,
  validFrom: at(from),
  validTo: to === null ? null : at(to),
});
const rec = (year: number, subject: "GENERAL" | "PROFESSIONAL", hours: number, approved: string | null, voided: string | null = null): CountedRecord => ({
  year,
  subject,
  recognizedHours: hours,
  approvedAt: approved === null ? null : at(approved),
  voidedAt: voided === null ? null : at(voided),
});
/** The deltas as "unit day 注册/学习/合格", sorted. */
const show = (m: ReadonlyMap<string, FigureDelta> | FigureDelta[]) =>
  [...m.values()].map((d) => `${d.unitId} ${d.day} ${d.registered}/${d.studying}/${d.compliant}`).sort();

/**
 * The figures of one unit as of the end of `day` from deltas, as the table answers them:
 * 注册 sums every delta up to the day, 学习 and 合格 only those of the day's year.
 */
function figuresAt(deltas: Iterable<FigureDelta>, unitId: string, day: string) {
  const out = { registered: 0, studying: 0, compliant: 0 };
  for (const d of deltas) {
    if (d.unitId !== unitId || d.day > day) continue;
    out.registered += d.registered;
    if (d.day.slice(0, 4) === day.slice(0, 4)) {
      out.studying += d.studying;
      out.compliant += d.compliant;
    }
  }
  return out;
}

describe("personContribution", () => {
  it("registers from the approval, learns from the first counted record, is 合格 once 90 hours with 2/3 professional count", () => {
    const spans = [span("bus", "PENDING", "2026-01-05", "2026-01-10"), span("bus", "APPROVED", "2026-01-10", null)];
    const records = [rec(2026, "PROFESSIONAL", 60, "2026-03-01"), rec(2026, "GENERAL", 30, "2026-06-30"), rec(2026, "GENERAL", 10, null)];
    expect(show(personContribution(spans, records, judge))).toEqual(["bus 2026-01-10 1/0/0", "bus 2026-03-01 0/1/0", "bus 2026-06-30 0/0/1"]);
  });

  it("moves everything to the new unit on the day of a transfer, and drops 合格 the day a record is voided", () => {
    const spans = [span("bus", "APPROVED", "2025-03-01", "2026-07-15"), span("metro", "APPROVED", "2026-07-15", null)];
    const records = [rec(2026, "PROFESSIONAL", 60, "2026-03-01", "2026-08-01"), rec(2026, "GENERAL", 30, "2026-03-05")];
    const c = personContribution(spans, records, judge);
    expect(show(c)).toEqual([
      "bus 2025-03-01 1/0/0",
      "bus 2026-03-01 0/1/0",
      "bus 2026-03-05 0/0/1",
      "bus 2026-07-15 -1/-1/-1",
      "metro 2026-07-15 1/1/1",
      "metro 2026-08-01 0/0/-1",
    ]);
    expect(figuresAt(c.values(), "bus", "2026-06-30")).toEqual({ registered: 1, studying: 1, compliant: 1 });
    expect(figuresAt(c.values(), "metro", "2026-08-01")).toEqual({ registered: 1, studying: 1, compliant: 0 });
  });

  it("counts each year's hours in that year only: a new year starts with nothing learnt", () => {
    const spans = [span("bus", "APPROVED", "2024-01-10", null)];
    const records = [rec(2025, "PROFESSIONAL", 100, "2025-06-01"), rec(2026, "GENERAL", 5, "2025-12-20"), rec(2025, "GENERAL", 5, "2026-02-01")];
    const c = personContribution(spans, records, judge);
    expect(figuresAt(c.values(), "bus", "2025-12-31")).toEqual({ registered: 1, studying: 1, compliant: 1 });
    // 2026 hours approved in December 2025 count from 1 January; 2025 hours approved in 2026 never count.
    expect(figuresAt(c.values(), "bus", "2026-01-01")).toEqual({ registered: 1, studying: 1, compliant: 0 });
    expect(figuresAt(c.values(), "bus", "2026-03-01")).toEqual({ registered: 1, studying: 1, compliant: 0 });
  });

  it("adds nothing for a person never approved, and hours count only while registered", () => {
    expect(show(personContribution([span("bus", "PENDING", "2026-01-05", null)], [rec(2026, "PROFESSIONAL", 90, "2026-02-01")], judge))).toEqual([]);
    const rejectedLater = [span("bus", "APPROVED", "2026-01-05", "2026-05-01"), span("bus", "REJECTED", "2026-05-01", null)];
    const c = personContribution(rejectedLater, [rec(2026, "PROFESSIONAL", 90, "2026-02-01")], judge);
    expect(figuresAt(c.values(), "bus", "2026-04-30")).toEqual({ registered: 1, studying: 1, compliant: 1 });
    expect(figuresAt(c.values(), "bus", "2026-05-01")).toEqual({ registered: 0, studying: 0, compliant: 0 });
  });

  it("judges by the judge it is given (the rule of the unit's region and the year)", () => {
    const strict: JudgeYear = (year, unit, _day, hours) => unit !== "bus" && judge(year, unit, _day, hours);
    const c = personContribution([span("bus", "APPROVED", "2026-01-05", null)], [rec(2026, "PROFESSIONAL", 90, "2026-02-01")], strict);
    expect(figuresAt(c.values(), "bus", "2026-02-01")).toEqual({ registered: 1, studying: 1, compliant: 0 });
  });
});

describe("contributionDelta", () => {
  const spans = [span("bus", "APPROVED", "2026-01-10", null)];
  const before = personContribution(spans, [rec(2026, "PROFESSIONAL", 60, "2026-03-01")], judge);
  const after = personContribution(spans, [rec(2026, "PROFESSIONAL", 60, "2026-03-01"), rec(2026, "GENERAL", 30, "2026-04-01")], judge);

  it("is what one more event changes, by unit then day", () => {
    expect(show(contributionDelta(before, after))).toEqual(["bus 2026-04-01 0/0/1"]);
  });

  it("is empty for an event that changes nothing (a duplicate), and undoes itself backwards", () => {
    expect(contributionDelta(after, after)).toEqual([]);
    expect(show(contributionDelta(after, before))).toEqual(["bus 2026-04-01 0/0/-1"]);
  });

  it("adds up, in any order of events, to the contribution of all of them", () => {
    const transfer = [span("bus", "APPROVED", "2026-01-10", "2026-05-01"), span("metro", "APPROVED", "2026-05-01", null)];
    const empty = personContribution([], [], judge);
    const records = [rec(2026, "PROFESSIONAL", 60, "2026-03-01"), rec(2026, "GENERAL", 30, "2026-06-01")];
    const steps = [
      personContribution([], records, judge), // hours first: nothing counts yet
      personContribution(spans, records, judge),
      personContribution(transfer, records, judge),
    ];
    const sum = new Map<string, FigureDelta>();
    let prev = empty;
    for (const s of steps) {
      for (const d of contributionDelta(prev, s)) {
        const k = `${d.unitId}|${d.day}`;
        const held = sum.get(k) ?? { ...d, registered: 0, studying: 0, compliant: 0 };
        sum.set(k, { ...held, registered: held.registered + d.registered, studying: held.studying + d.studying, compliant: held.compliant + d.compliant });
      }
      prev = s;
    }
    expect(show(contributionDelta(new Map(), sum))).toEqual(show(personContribution(transfer, records, judge)));
  });
});
