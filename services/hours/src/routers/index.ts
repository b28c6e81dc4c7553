import { router } from "@ce/service-kit";
import type { Db } from "../db/client.ts";
import { approvalChainRouter } from "./approval-chain.ts";

export function createHoursRouter(deps: { db: Db }) {
  return router({ approvalChain: approvalChainRouter(deps.db) });
}

export type HoursRouter = ReturnType<typeof createHoursRouter>;
