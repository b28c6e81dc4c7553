import {
  ListSubordinatesInput,
  ListTrainingBasesInput,
  NoContent,
  PickedUnit,
  PickUnitsInput,
  pageOf,
  RemoveSubordinateAdminInput,
  SubordinateAdminRow,
  SubordinateTarget,
  UnitDetail,
  UnitRow,
} from "@ce/contracts";
import { anyPermissionProcedure, permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { deleteSubordinate } from "../use-cases/units/delete.ts";
import { listSubordinates, listTrainingBases, subordinateAdmins, subordinateDetail } from "../use-cases/units/list.ts";
import { pickUnits } from "../use-cases/units/pick.ts";
import { removeSubordinateAdmin } from "../use-cases/units/remove-admin.ts";

// 管理下级单位 opens with either module; its 详细 and 管理员信息 pages too.
const viewSubordinates = anyPermissionProcedure("subordinate.view", "subordinate.manage");
const manage = permittedProcedure("subordinate.manage");

/** 管理直属账户 › 管理下级单位 and 管理继续教育基地. */
export const unitsRouter = (run: UseCaseRun<IdentityDeps>) => ({
  listSubordinates: permittedProcedure("subordinate.view").input(ListSubordinatesInput).output(pageOf(UnitRow)).query(run(listSubordinates)),
  detail: viewSubordinates.input(SubordinateTarget).output(UnitDetail).query(run(subordinateDetail)),
  admins: viewSubordinates.input(SubordinateTarget).output(z.array(SubordinateAdminRow)).query(run(subordinateAdmins)),
  removeAdmin: manage.input(RemoveSubordinateAdminInput).output(NoContent).mutation(run(removeSubordinateAdmin)),
  delete: manage.input(SubordinateTarget).output(NoContent).mutation(run(deleteSubordinate)),
  /** 查询统计's 主管部门 / 用人单位 pickers: approved units of the caller's subtree by part of the name, one page. */
  pick: permittedProcedure("stats.view").input(PickUnitsInput).output(pageOf(PickedUnit)).query(run(pickUnits)),
  trainingBases: permittedProcedure("trainingBase.manage").input(ListTrainingBasesInput).output(pageOf(UnitRow)).query(run(listTrainingBases)),
});
