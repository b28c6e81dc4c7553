import { GetFormInput, LearningForm, UpdateFormInput } from "@ce/contracts";
import { authedProcedure, permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { getForm } from "../use-cases/forms/get.ts";
import { listForms } from "../use-cases/forms/list.ts";
import { updateForm } from "../use-cases/forms/update.ts";

/** 学习形式: the catalog every declaration form loads its fields from. */
export const formsRouter = (run: UseCaseRun<HoursDeps>) => ({
  /** Every form's version in force today. */
  list: authedProcedure.output(z.array(LearningForm)).query(run(listForms)),

  get: authedProcedure.input(GetFormInput).output(LearningForm).query(run(getForm)),

  /** A new version effective from a date; only the province edits the catalog. */
  update: permittedProcedure("hours.approve").input(UpdateFormInput).output(LearningForm).mutation(run(updateForm)),
});
