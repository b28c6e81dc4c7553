import {
  CreateDepartmentInput,
  CreatedId,
  DepartmentNode,
  ListDepartmentsInput,
  NoContent,
  SetDepartmentStatusInput,
  UpdateDepartmentInput,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { createDepartment } from "../use-cases/departments/create.ts";
import { unitDepartments } from "../use-cases/departments/list.ts";
import { setDepartmentStatus } from "../use-cases/departments/set-status.ts";
import { updateDepartment } from "../use-cases/departments/update.ts";

const manage = permittedProcedure("department.manage");

/** 管理直属账户 › 管理内设部门. */
export const departmentsRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: manage.input(ListDepartmentsInput).output(z.array(DepartmentNode)).query(run(unitDepartments)),
  create: manage.input(CreateDepartmentInput).output(CreatedId).mutation(run(createDepartment)),
  update: manage.input(UpdateDepartmentInput).output(NoContent).mutation(run(updateDepartment)),
  setStatus: manage.input(SetDepartmentStatusInput).output(NoContent).mutation(run(setDepartmentStatus)),
});
