import {
  CreatedId,
  NoContent,
  RequestCodeChangeInput,
  RequestSuperiorChangeInput,
  UnitOption,
  UnitProfileView,
  UpdateUnitProfileInput,
  WithdrawUnitChangeInput,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { requestCodeChange } from "../use-cases/unit-changes/request-code-change.ts";
import { requestSuperiorChange } from "../use-cases/unit-changes/request-superior-change.ts";
import { withdrawUnitChange } from "../use-cases/unit-changes/withdraw.ts";
import { unitProfile } from "../use-cases/unit-profile/get.ts";
import { superiorOptions } from "../use-cases/unit-profile/superior-options.ts";
import { updateUnitProfile } from "../use-cases/unit-profile/update.ts";

const edit = permittedProcedure("unit.profile.edit");

/** 基本信息修改 §3.1: the caller's own unit, its free fields and its change requests. */
export const unitProfileRouter = (run: UseCaseRun<IdentityDeps>) => ({
  get: edit.output(UnitProfileView).query(run(unitProfile)),
  update: edit.input(UpdateUnitProfileInput).output(NoContent).mutation(run(updateUnitProfile)),
  /** Approved authorities a unit may move under (its own subtree and current superior excluded by the request check). */
  superiorOptions: edit.output(z.array(UnitOption)).query(run(superiorOptions)),
  requestCodeChange: edit.input(RequestCodeChangeInput).output(CreatedId).mutation(run(requestCodeChange)),
  requestSuperiorChange: edit.input(RequestSuperiorChangeInput).output(CreatedId).mutation(run(requestSuperiorChange)),
  withdraw: edit.input(WithdrawUnitChangeInput).output(NoContent).mutation(run(withdrawUnitChange)),
});
