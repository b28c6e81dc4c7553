import { ComplianceYear, calendarYear, DomainError, MyComplianceInput } from "@ce/contracts";
import { authedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { hoursByYear } from "../db/compliance.ts";
import type { HoursDeps } from "../deps.ts";
import { assessCompliance, NATIONAL_RULE, pickRule } from "../domain/compliance.ts";

/** Yearly compliance (合格 / 不合格) of a professional's own hours. */
export function complianceRouter(deps: HoursDeps) {
  const { db } = deps;
  return router({
    mine: authedProcedure
      .input(MyComplianceInput)
      .output(z.array(ComplianceYear))
      .query(async ({ ctx, input }): Promise<ComplianceYear[]> => {
        const p = ctx.principal;
        if (p.userType !== "PROFESSIONAL") throw new DomainError("FORBIDDEN", "仅专业技术人员可以查看本人的学时达标情况");
        const current = calendarYear(deps.now());
        const years = Array.from({ length: input.years }, (_, i) => current - i);
        const [hours, rules, person] = await Promise.all([
          hoursByYear(db, p.accountId, years),
          db.complianceRule.findMany(),
          db.professionalReplica.findUnique({ where: { accountId: p.accountId }, select: { unitId: true } }),
        ]);
        const unit = person ? await db.unitReplica.findUnique({ where: { id: person.unitId }, select: { region: true } }) : null;
        return years.map((year) => {
          const stored = pickRule(rules, year, unit?.region ?? null);
          const rule = stored ?? NATIONAL_RULE;
          return {
            year,
            ...assessCompliance(rule, hours.get(year)!),
            minTotal: rule.minTotal,
            professionalShare: `${rule.professionalShareNum}/${rule.professionalShareDen}`,
          };
        });
      }),
  });
}
