import { ApprovalChainInput, ApprovalChainUnit } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { previewChain } from "../use-cases/approval-chain/preview.ts";

export const approvalChainRouter = (run: UseCaseRun<HoursDeps>) => ({
  /** The units a declaration from this unit would climb, each of which becomes 当前处理人 in turn. */
  preview: permittedProcedure("hours.approve").input(ApprovalChainInput).output(z.array(ApprovalChainUnit)).query(run(previewChain)),
});
