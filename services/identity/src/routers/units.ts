import {
  ListSubordinatesInput,
  ListTrainingBasesInput,
  NoContent,
  pageOf,
  RemoveSubordinateAdminInput,
  SubordinateAdminRow,
  SubordinateTarget,
  UnitDetail,
  UnitRow,
} from "@ce/contracts";
import { anyPermissionProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { deleteSubordinate } from "../use-cases/units/delete.ts";
import { listSubordinates, listTrainingBases, subordinateAdmins, subordinateDetail } from "../use-cases/units/list.ts";
import { removeSubordinateAdmin } from "../use-cases/units/remove-admin.ts";

// 管理下级单位 opens with either module; its 详细 and 管理员信息 pages too.
const viewSubordinates = anyPermissionProcedure("subordinate.view", "subordinate.manage");

/** 管理直属账户 › 管理下级单位 and 管理继续教育基地. */
export function unitsRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("subordinate.manage");
  return router({
    listSubordinates: permittedProcedure("subordinate.view")
      .input(ListSubordinatesInput)
      .output(pageOf(UnitRow))
      .query(({ input, ctx }) => listSubordinates(deps, ctx, input)),
    detail: viewSubordinates
      .input(SubordinateTarget)
      .output(UnitDetail)
      .query(({ input, ctx }) => subordinateDetail(deps, ctx, input)),
    admins: viewSubordinates
      .input(SubordinateTarget)
      .output(z.array(SubordinateAdminRow))
      .query(({ input, ctx }) => subordinateAdmins(deps, ctx, input)),
    removeAdmin: manage
      .input(RemoveSubordinateAdminInput)
      .output(NoContent)
      .mutation(({ input, ctx }) => removeSubordinateAdmin(deps, ctx, input)),
    delete: manage
      .input(SubordinateTarget)
      .output(NoContent)
      .mutation(({ input, ctx }) => deleteSubordinate(deps, ctx, input)),
    trainingBases: permittedProcedure("trainingBase.manage")
      .input(ListTrainingBasesInput)
      .output(pageOf(UnitRow))
      .query(({ input, ctx }) => listTrainingBases(deps, ctx, input)),
  });
}
