import { GetFormInput, LearningForm, UpdateFormInput } from "@ce/contracts";
import { authedProcedure, permittedProcedure, router, useCaseRunner } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { getForm } from "../use-cases/forms/get.ts";
import { listForms } from "../use-cases/forms/list.ts";
import { updateForm } from "../use-cases/forms/update.ts";

/** 学习形式: the catalog every declaration form loads its fields from. */
export function formsRouter(deps: HoursDeps) {
  const run = useCaseRunner(deps);
  return router({
    /** Every form's version in force today. */
    list: authedProcedure.output(z.array(LearningForm)).query(() => listForms(deps)),

    get: authedProcedure
      .input(GetFormInput)
      .output(LearningForm)
      .query(({ input }) => getForm(deps, input.code)),

    /** A new version effective from a date; only the province edits the catalog. */
    update: permittedProcedure("hours.approve").input(UpdateFormInput).output(LearningForm).mutation(run(updateForm)),
  });
}
