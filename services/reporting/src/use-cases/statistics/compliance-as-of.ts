import { type ComplianceAsOf, type ComplianceAsOfInput, DomainError } from "@ce/contracts";
import { SCHEMA } from "../../config.ts";
import { accountsByIdNumberHashes } from "../../db/compliance-as-of.ts";
import { personHistory } from "../../db/professional-history.ts";
import { unitHistory } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { complianceWindow } from "../../domain/compliance-as-of.ts";
import { intervalAt } from "../../domain/history.ts";
import { extractYears, personYearsOf } from "../../domain/person-year-extract.ts";
import { answerFinal, asOfInstant, judgeYear, statisticDate } from "../../domain/professional-counts.ts";
import { lookupByIdNumber } from "../../security/id-lookup.ts";
import { learningRecord } from "./learning-record.ts";
import { callerScope, lookupViewer, type StatisticsCaller } from "./scope.ts";

/**
 * 学时达标情况 as of a date (issue 11 item 4), for other systems (a title review): the person with
 * the 证件号 typed — found by its blind indexes through the lookup gate (security/id-lookup.ts:
 * counted against the caller's 证件号 budget and logged with whom it found) — and each year of
 * 开始年度…结束年度 in which they have a person-year (registered at the year's end, or at 统计时间 in
 * its year: 人年抽取's rule, ADR 016 — a year before their registration is left out), with 完成公需课时, 完成专业课时, 总完成学时 (学时) and 认定结果 as they stood at the end
 * of 统计时间 (default today, Beijing). Each person is answered through 学习记录 (learningRecord: the
 * same history, scope and rule), so the answer for a past 统计时间 never changes afterwards; a
 * year without records is judged by the rule for the region of their unit then. Several accounts
 * may share a number across ID types: each found one in scope is answered. Raises DomainError
 * FORBIDDEN (no unit scope), BAD_REQUEST on `asOf` (after today) and on `fromYear` / `toYear` (a
 * year before the platform's data or after 统计时间's: checkYearWindow, as 人年抽取 — checked before
 * the lookup, so a refused question spends no budget), TOO_MANY_REQUESTS on `idNumber` (budget
 * spent: an API token's own 证件号查询上限（次/日）), NOT_FOUND on `idNumber` (nobody with it in the
 * caller's subtree).
 */
export async function complianceAsOf(deps: ReportingDeps, caller: StatisticsCaller, input: ComplianceAsOfInput): Promise<ComplianceAsOf> {
  callerScope(caller.principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = statisticDate(input.asOf, now);
  // The window's years as 人年抽取 reads them (checkYearWindow's refusals first, before the lookup).
  const window = extractYears(input.fromYear, input.toYear, asOf);
  const at = asOfInstant(asOf);
  const found = await lookupByIdNumber(
    deps,
    lookupViewer(caller),
    "学时达标情况：按证件号查询",
    async () => {
      const people = [];
      for (const accountId of await accountsByIdNumberHashes(deps.db, deps.blindIndexes(input.idNumber))) {
        try {
          people.push(await learningRecord(deps, caller.principal, { accountId, asOf }));
        } catch (e) {
          // Outside the caller's subtree (now and on 统计时间): not theirs to see.
          if (!(e instanceof DomainError && e.kind === "NOT_FOUND")) throw e;
        }
      }
      return people;
    },
    (people) => people.map((p) => p.accountId),
  );
  if (found.length === 0) throw new DomainError("NOT_FOUND", "未找到该证件号的人员，或其不在您的管理范围内", "idNumber");
  const people = [];
  for (const p of found) {
    const region = p.unitId ? (intervalAt(await unitHistory(deps.db, SCHEMA, p.unitId), at)?.state.region ?? null) : null;
    people.push({
      accountId: p.accountId,
      name: p.name,
      idNumberMasked: p.idNumberMasked,
      unitName: p.unitName,
      years: complianceWindow(p.years, personYearsOf(await personHistory(deps.db, SCHEMA, p.accountId), window), (year, hours) =>
        judgeYear(deps.complianceRules, year, region, hours),
      ),
    });
  }
  return { asOf, final: answerFinal(asOf, now), fromYear: input.fromYear, toYear: input.toYear, people };
}
