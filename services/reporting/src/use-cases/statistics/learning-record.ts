import { DomainError, isWithinScope, type LearningRecord, type LearningRecordInput, type Principal } from "@ce/contracts";
import { SCHEMA } from "../../config.ts";
import { personHourRecords } from "../../db/hour-records.ts";
import { professionalNow } from "../../db/people.ts";
import { personHistory } from "../../db/professional-history.ts";
import { unitHistory, unitInScope } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { intervalAt } from "../../domain/history.ts";
import { learningYears, type RecordAsOf } from "../../domain/learning-record.ts";
import { answerFinal, asOfInstant, judgeYear, statisticDate } from "../../domain/professional-counts.ts";
import { callerScope } from "./scope.ts";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const entry = (r: RecordAsOf) => ({
  ...r,
  submittedAt: iso(r.submittedAt),
  approvedAt: iso(r.approvedAt),
  rejectedAt: iso(r.rejectedAt),
  withdrawnAt: iso(r.withdrawnAt),
  filedAt: iso(r.filedAt),
  voidedAt: iso(r.voidedAt),
});

/**
 * 学习记录 (guide §3.9) as of the end of 统计时间 (default today, Beijing): the person's years with
 * a record that existed then (domain learningYears: hours that counted then, 合格 by the year's
 * rule for the region of their unit on 统计时间 — as 专业技术人员数量查询 judges them), and each
 * record's steps up to then. The person must be in the caller's subtree now, or have been on
 * 统计时间 in a unit that is in it now (so every person a drill-down lists opens here); name and
 * masked ID are as held now. Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on `asOf`
 * (after today), NOT_FOUND on `accountId` (unknown or outside the scope).
 */
export async function learningRecord(deps: ReportingDeps, principal: Principal, input: LearningRecordInput): Promise<LearningRecord> {
  const scope = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = statisticDate(input.asOf, now);
  const at = asOfInstant(asOf);
  const notFound = () => new DomainError("NOT_FOUND", "人员不存在或不在您的管理范围内", "accountId");
  const person = await professionalNow(deps.db, input.accountId);
  if (!person) throw notFound();
  const unitIdThen = intervalAt(await personHistory(deps.db, SCHEMA, person.accountId), at)?.state.unitId ?? null;
  const unitThen = unitIdThen ? (intervalAt(await unitHistory(deps.db, SCHEMA, unitIdThen), at)?.state ?? null) : null;
  const inScope =
    isWithinScope(scope.scopePath, person.unitPath) || (unitIdThen !== null && (await unitInScope(deps.db, unitIdThen, scope.scopePath)) !== null);
  if (!inScope) throw notFound();
  const region = unitThen?.region ?? null;
  const years = learningYears(await personHourRecords(deps.db, SCHEMA, person.accountId), at, (year, hours) =>
    judgeYear(deps.complianceRules, year, region, hours),
  );
  return {
    asOf,
    final: answerFinal(asOf, now),
    accountId: person.accountId,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    unitId: unitIdThen,
    unitName: unitThen?.name ?? null,
    years: years.map((y) => ({ ...y, records: y.records.map(entry) })),
  };
}
