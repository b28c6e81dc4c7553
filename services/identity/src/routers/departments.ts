import {
  CreateDepartmentInput,
  CreatedId,
  DepartmentNode,
  ListDepartmentsInput,
  NoContent,
  SetDepartmentStatusInput,
  UpdateDepartmentInput,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { createDepartment, listDepartments, setDepartmentStatus, updateDepartment } from "../db/departments.ts";
import type { IdentityDeps } from "../deps.ts";
import { ownUnit } from "../use-cases/scope.ts";

/** 管理直属账户 › 管理内设部门. */
export function departmentsRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("department.manage");
  return router({
    list: manage
      .input(ListDepartmentsInput)
      .output(z.array(DepartmentNode))
      .query(({ input, ctx }) => listDepartments(deps.db, ownUnit(ctx.principal), input.name)),
    create: manage
      .input(CreateDepartmentInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => deps.db.$transaction((tx) => createDepartment(tx, auditActor(ctx), ownUnit(ctx.principal), input))),
    update: manage
      .input(UpdateDepartmentInput)
      .output(NoContent)
      .mutation(({ input, ctx }) => deps.db.$transaction((tx) => updateDepartment(tx, auditActor(ctx), ownUnit(ctx.principal), input))),
    setStatus: manage
      .input(SetDepartmentStatusInput)
      .output(NoContent)
      .mutation(({ input, ctx }) => deps.db.$transaction((tx) => setDepartmentStatus(tx, auditActor(ctx), ownUnit(ctx.principal), input.id, input.status))),
  });
}
