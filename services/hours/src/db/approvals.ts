import type { ApprovalRow, ListApprovalsInput, Page } from "@ce/contracts";
import { containsFilter, likePrefix, prefixFilter } from "@ce/service-kit";
import type { AnomalyCode } from "../domain/anomalies.ts";
import type { PendingDeclaration } from "../domain/approval.ts";
import { anomaliesOf } from "./anomalies.ts";
import type { Db, Tx } from "./client.ts";
import { chainOf, listWhere } from "./declarations.ts";

/** 学时审批 list: one page of pending declarations of `scopePath` waiting for `unitId`, with their anomaly codes. */
export async function listAwaiting(
  db: Db,
  unitId: string,
  scopePath: string,
  input: ListApprovalsInput,
): Promise<{ page: Page<Omit<ApprovalRow, "flags">>; flags: Map<string, AnomalyCode[]> }> {
  const page = await listWhere(
    db,
    {
      status: "PENDING",
      currentHandlerId: unitId,
      unitPath: prefixFilter(scopePath),
      ...(input.name ? { professionalName: containsFilter(input.name) } : {}),
    },
    input,
  );
  const flags = await anomaliesOf(
    db,
    page.items.map((r) => r.id),
  );
  return { page, flags };
}

/** Who a declaration is about and who made it: its declarant's name, and the accounts that are its parties (the declarant, whoever declared it). */
export interface DeclarationParties {
  professionalName: string;
  parties: [professionalId: string, declaredBy: string];
}

type Locked = {
  id: string;
  professional_name: string;
  professional_id: string;
  declared_by: string;
  status: string;
  current_handler_id: string | null;
  step_index: number;
  chain: unknown;
  requested_hours: number;
  computed_hours: number;
  recognized_hours: number | null;
};

/**
 * Locks the declarations of `ids` that lie in `scopePath`, in id order (two batches at once wait
 * for each other instead of deadlocking), and returns them as decideStep reads them with the
 * declarant's name (for the batch outcome's label) and its parties (the declarant's account and
 * whoever declared it: nobody decides their own case). Ids outside the scope or unknown are simply
 * missing from the result.
 */
export async function lockForDecision(tx: Tx, ids: readonly string[], scopePath: string): Promise<(PendingDeclaration & DeclarationParties)[]> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id::text, professional_name, professional_id::text, declared_by::text, status, current_handler_id::text, step_index, chain, requested_hours, computed_hours, recognized_hours
    FROM hours.declaration WHERE id = ANY(${[...ids]}::uuid[]) AND unit_path LIKE ${likePrefix(scopePath)}
    ORDER BY id FOR UPDATE`;
  return rows.map((r) => ({
    id: r.id,
    professionalName: r.professional_name,
    parties: [r.professional_id, r.declared_by],
    status: r.status,
    currentHandlerId: r.current_handler_id,
    stepIndex: r.step_index,
    chain: chainOf(r.chain),
    requestedHours: r.requested_hours,
    computedHours: r.computed_hours,
    recognizedHours: r.recognized_hours,
  }));
}
