import type { DeclarationStatus, Subject } from "@ce/contracts";
import { countsAsOf, type HourRecord } from "./hour-record.ts";

/** The instants of a record's steps, 提交 to 作废. */
type StepInstant = "submittedAt" | "approvedAt" | "rejectedAt" | "withdrawnAt" | "filedAt" | "voidedAt";

/**
 * One 学时申报 as it stood at an instant: the HourRecord's fields a learning record shows, with the
 * steps taken by then, its status then, and whether its hours counted.
 */
export type RecordAsOf = Pick<HourRecord, "declarationId" | "year" | "subject" | "formCode" | "recognizedHours" | "status" | StepInstant> & {
  counted: boolean;
};

/** The steps in lifecycle order: of two at the same instant, the later step's status stands (as in hour-record.ts). */
const STEPS: Array<[StepInstant, DeclarationStatus]> = [
  ["submittedAt", "PENDING"],
  ["approvedAt", "APPROVED"],
  ["rejectedAt", "REJECTED"],
  ["withdrawnAt", "WITHDRAWN"],
  ["filedAt", "FILED"],
  ["voidedAt", "VOIDED"],
];

/**
 * A record as it stood at `at`: null when none of its steps had happened yet; otherwise every
 * step's instant up to `at` (later ones null), the status of the latest of them (ties: the later
 * lifecycle step), and `counted` by countsAsOf. 认定学时 shows only once approved by `at`.
 */
export function recordAsOf(r: HourRecord, at: Date): RecordAsOf | null {
  const seen = (d: Date | null) => (d !== null && d <= at ? d : null);
  let status: DeclarationStatus | null = null;
  let latest: Date | null = null;
  for (const [field, s] of STEPS) {
    const t = seen(r[field]);
    if (t !== null && (latest === null || t >= latest)) {
      latest = t;
      status = s;
    }
  }
  if (status === null) return null;
  const approvedAt = seen(r.approvedAt);
  return {
    declarationId: r.declarationId,
    year: r.year,
    subject: r.subject,
    formCode: r.formCode,
    recognizedHours: approvedAt === null ? null : r.recognizedHours,
    status,
    counted: countsAsOf(r, at),
    submittedAt: seen(r.submittedAt),
    approvedAt,
    rejectedAt: seen(r.rejectedAt),
    withdrawnAt: seen(r.withdrawnAt),
    filedAt: seen(r.filedAt),
    voidedAt: seen(r.voidedAt),
  };
}

/** 年度 完成公需课时 完成专业课时 总完成学时 认定结果 and the records of that year. */
export interface LearningYearAsOf {
  year: number;
  general: number;
  professional: number;
  total: number;
  compliant: boolean;
  records: RecordAsOf[];
}

/**
 * A person's years as of `at`: every year with a record that existed then, newest first; its
 * hours are the 认定学时 of the records that counted then, per subject; 合格 by `judge` (the
 * yearly rule). Records within a year: newest first by their first step, then by id.
 */
export function learningYears(
  records: readonly HourRecord[],
  at: Date,
  judge: (year: number, hours: { general: number; professional: number }) => boolean,
): LearningYearAsOf[] {
  const byYear = new Map<number, RecordAsOf[]>();
  for (const r of records) {
    const a = recordAsOf(r, at);
    if (a) byYear.set(a.year, [...(byYear.get(a.year) ?? []), a]);
  }
  const firstStep = (a: RecordAsOf) => Math.min(...STEPS.map(([f]) => a[f]?.getTime() ?? Number.POSITIVE_INFINITY));
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => {
      const sum = (subject: Subject) => list.filter((a) => a.counted && a.subject === subject).reduce((n, a) => n + (a.recognizedHours ?? 0), 0);
      const hours = { general: sum("GENERAL"), professional: sum("PROFESSIONAL") };
      const ordered = [...list].sort((a, b) => firstStep(b) - firstStep(a) || (a.declarationId < b.declarationId ? -1 : 1));
      return { year, ...hours, total: hours.general + hours.professional, compliant: judge(year, hours), records: ordered };
    });
}
