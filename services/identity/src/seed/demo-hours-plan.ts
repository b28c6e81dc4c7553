import type { Subject } from "@ce/contracts";
import { type DemoProfessional, demoProfessionals } from "./demo-data.ts";

/**
 * The demo hour records `npm start` makes through the real services (demo-hours.ts), over the
 * current year and the four before it. Pure data from fixed inputs: the same plan on every fresh
 * start within a year. The first SEEDED approved demo professionals get records by `i % 6`:
 *   0, 1 — 公需 30 + 专业 60 every year, approved: 合格 every year (90 学时, 2/3 专业);
 *   2    — 合格 in the last two years, 公需 30 only before: 学习 but 不合格 early on;
 *   3    — 公需 30 in the last two years, and a 专业 60 of last year 驳回 (rejected);
 *   4    — 合格 three years ago; this year's 专业 60 still 待审核 (pending at the first reviewer);
 *   5    — 公需 30 + 专业 60 last year, the 专业 60 then 审验不通过 (voided); 公需 30 this year.
 * One person of kind 0 (PLAN_TRANSFER) moves to another 用人单位 of 济南市 after their records.
 */
export const SEEDED = 60;

export type Outcome = "APPROVE" | "REJECT" | "PENDING" | "VOID";

export interface PlannedRecord {
  /** demoProfessionals() index of the person. */
  person: number;
  /** 计入年度, as an offset back from the current year (0 = this year). */
  yearsBack: number;
  subject: Subject;
  hours: number;
  outcome: Outcome;
}

const both = (person: number, yearsBack: number, outcome: Outcome = "APPROVE"): PlannedRecord[] => [
  { person, yearsBack, subject: "GENERAL", hours: 30, outcome: "APPROVE" },
  { person, yearsBack, subject: "PROFESSIONAL", hours: 60, outcome },
];
const general = (person: number, yearsBack: number): PlannedRecord => ({ person, yearsBack, subject: "GENERAL", hours: 30, outcome: "APPROVE" });

/** Every planned record, person by person (approved demo professionals among the first SEEDED). */
export function demoHoursPlan(people: readonly DemoProfessional[] = demoProfessionals()): PlannedRecord[] {
  const plan: PlannedRecord[] = [];
  for (let i = 0; i < Math.min(SEEDED, people.length); i++) {
    if (people[i]?.status !== "APPROVED") continue;
    const years = [4, 3, 2, 1, 0];
    switch (i % 6) {
      case 0:
      case 1:
        for (const y of years) plan.push(...both(i, y));
        break;
      case 2:
        for (const y of years) plan.push(...(y <= 1 ? both(i, y) : [general(i, y)]));
        break;
      case 3:
        plan.push(general(i, 1), general(i, 0), { person: i, yearsBack: 1, subject: "PROFESSIONAL", hours: 60, outcome: "REJECT" });
        break;
      case 4:
        plan.push(...both(i, 3), { person: i, yearsBack: 0, subject: "PROFESSIONAL", hours: 60, outcome: "PENDING" });
        break;
      default:
        plan.push(...both(i, 1, "VOID"), general(i, 0));
    }
  }
  return plan;
}

/** The person (demoProfessionals index) transferred from 济南公共交通集团 to 济南轨道交通集团 once their records are in. */
export const PLAN_TRANSFER = { person: 12, fromUnitKey: "jn-bus", toUnitKey: "jn-metro" } as const;
