import { calendarDate, DomainError, GetFormInput, LearningForm, UpdateFormInput } from "@ce/contracts";
import { authedProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { activeForm, activeForms, addFormVersion } from "../db/forms.ts";
import type { HoursDeps } from "../deps.ts";

// "Today" on the Beijing calendar: a version effective 2026-01-01 is in force from 2026-01-01 00:00 Beijing time.
const today = (deps: HoursDeps) => calendarDate(deps.now());

/** 学习形式: the catalog every declaration form loads its fields from. */
export function formsRouter(deps: HoursDeps) {
  const { db } = deps;
  return router({
    /** Every form's version in force today (anyone signed in declares or reviews with it). */
    list: authedProcedure.output(z.array(LearningForm)).query(() => activeForms(db, today(deps))),

    get: authedProcedure
      .input(GetFormInput)
      .output(LearningForm)
      .query(async ({ input }) => {
        const form = await activeForm(db, input.code, today(deps));
        if (!form) throw new DomainError("NOT_FOUND", "学习形式不存在", "code");
        return form;
      }),

    /** A new version effective from a date; only the province (a department with no superior) edits the catalog. */
    update: permittedProcedure("hours.approve")
      .input(UpdateFormInput)
      .output(LearningForm)
      .mutation(async ({ ctx, input }) => {
        // Identity decided this once at login by the one rule (isProvinceUnit), the same the portal's menu reads.
        if (!ctx.principal.isProvince) throw new DomainError("FORBIDDEN", "只有省级主管部门可以修改学习形式");
        // A version starting in the past would change how already-submitted claims read.
        if (input.effectiveFrom < today(deps)) throw new DomainError("BAD_REQUEST", "生效日期不能早于今天", "effectiveFrom");
        const form = await db.$transaction((tx) => addFormVersion(tx, input, ctx.principal.accountId));
        if (!form) throw new DomainError("NOT_FOUND", "学习形式不存在", "code");
        return form;
      }),
  });
}
