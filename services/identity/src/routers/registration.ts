import { DepartmentOption, RegisterEmployerInput, RegisterProfessionalInput, RegistrationResult, SearchUnitsInput, UnitOption } from "@ce/contracts";
import { publicProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { publicDepartments, registerEmployer, registerProfessional, searchUnits } from "../db/registration.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";

/** 注册 (public): professionals and employer units register themselves, then wait for review. */
export function registrationRouter(deps: IdentityDeps) {
  return router({
    searchUnits: publicProcedure
      .input(SearchUnitsInput)
      .output(z.array(UnitOption))
      .query(({ input }) => searchUnits(deps.db, input)),

    departments: publicProcedure
      .input(z.object({ unitId: z.uuid() }))
      .output(z.array(DepartmentOption))
      .query(({ input }) => publicDepartments(deps.db, input.unitId)),

    professional: publicProcedure
      .input(RegisterProfessionalInput)
      .output(RegistrationResult)
      .mutation(({ input, ctx }) => registerProfessional(deps, input, auditActor(ctx), eventMeta(ctx), ctx.clientIp)),

    employer: publicProcedure
      .input(RegisterEmployerInput)
      .output(RegistrationResult)
      .mutation(({ input, ctx }) => registerEmployer(deps, input, auditActor(ctx), eventMeta(ctx), ctx.clientIp)),
  });
}
