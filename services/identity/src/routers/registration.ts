import {
  DepartmentOption,
  PublicDepartmentsInput,
  RegisterEmployerInput,
  RegisterProfessionalInput,
  RegistrationResult,
  SearchUnitsInput,
  UnitOption,
} from "@ce/contracts";
import { publicProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { publicDepartments, searchUnits } from "../use-cases/registration/options.ts";
import { registerEmployer } from "../use-cases/registration/register-employer.ts";
import { registerProfessional } from "../use-cases/registration/register-professional.ts";

/** 注册 (public): professionals and employer units register themselves, then wait for review. */
export const registrationRouter = (run: UseCaseRun<IdentityDeps>) => ({
  searchUnits: publicProcedure.input(SearchUnitsInput).output(z.array(UnitOption)).query(run(searchUnits)),

  departments: publicProcedure.input(PublicDepartmentsInput).output(z.array(DepartmentOption)).query(run(publicDepartments)),

  professional: publicProcedure.input(RegisterProfessionalInput).output(RegistrationResult).mutation(run(registerProfessional)),

  employer: publicProcedure.input(RegisterEmployerInput).output(RegistrationResult).mutation(run(registerEmployer)),
});
