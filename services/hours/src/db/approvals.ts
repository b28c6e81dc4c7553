import { type ApprovalRow, DomainError, hoursEvents, type ListApprovalsInput, type Page, rejectReasons } from "@ce/contracts";
import { containsFilter, type EventMeta, likePrefix, prefixFilter } from "@ce/service-kit";
import { anomalyLabels } from "../domain/anomalies.ts";
import { type Decision, decideStep, type PendingDeclaration } from "../domain/approval.ts";
import { declarationEvent } from "../events/hours.ts";
import { anomaliesOf } from "./anomalies.ts";
import type { Db, Tx } from "./client.ts";
import { chainOf, listWhere, withForm } from "./declarations.ts";

export interface Decider {
  accountId: string;
  name: string;
  unitId: string;
  unitName: string;
  scopePath: string;
}

/** APPROVE without a figure keeps each record's current 认定学时; a lower figure needs `reason`. */
export type DecisionInput =
  | { kind: "APPROVE"; recognizedHours?: number | undefined; reason?: string | undefined }
  | { kind: "REJECT"; reasonCode: string; reason: string };

/** 学时审批: pending declarations whose 当前处理人 is the caller's unit, with their anomaly hints. */
export async function listAwaiting(db: Db, who: Decider, input: ListApprovalsInput): Promise<Page<ApprovalRow>> {
  const page = await listWhere(
    db,
    {
      status: "PENDING",
      currentHandlerId: who.unitId,
      unitPath: prefixFilter(who.scopePath),
      ...(input.name ? { professionalName: containsFilter(input.name) } : {}),
    },
    input,
  );
  const flags = await anomaliesOf(
    db,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => ({ ...r, flags: (flags.get(r.id) ?? []).map((c) => anomalyLabels[c]) })) };
}

type Locked = {
  id: string;
  status: string;
  current_handler_id: string | null;
  step_index: number;
  chain: unknown;
  requested_hours: number;
  computed_hours: number;
  recognized_hours: number | null;
};

/**
 * Decides one or many declarations in the caller's transaction: locks them, checks each is
 * waiting for the caller's unit (else CONFLICT, nothing written), moves each along its chain,
 * records who decided and each level's 认定学时, and enqueues the final events. Each record starts
 * from its current 认定学时, so a batch keeps what the level below recognised (see decideStep).
 * Set-based so a batch of 1,000 stays fast.
 */
export async function decide(tx: Tx, who: Decider, ids: readonly string[], input: DecisionInput, meta: EventMeta): Promise<number> {
  const unique = [...new Set(ids)];
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id::text, status, current_handler_id::text, step_index, chain, requested_hours, computed_hours, recognized_hours
    FROM hours.declaration WHERE id = ANY(${unique}::uuid[]) AND unit_path LIKE ${likePrefix(who.scopePath)}
    ORDER BY id FOR UPDATE`;
  if (rows.length !== unique.length) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
  const decision: Decision = input.kind === "APPROVE" ? { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason } : { kind: "REJECT" };
  const next = rows.map((r) => {
    const d: PendingDeclaration = {
      id: r.id,
      status: r.status,
      currentHandlerId: r.current_handler_id,
      stepIndex: r.step_index,
      chain: chainOf(r.chain),
      requestedHours: r.requested_hours,
      computedHours: r.computed_hours,
      recognizedHours: r.recognized_hours,
    };
    return { row: r, state: decideStep(d, who.unitId, decision) };
  });
  await tx.$executeRaw`
    UPDATE hours.declaration d SET status = u.status, step_index = u.step_index, current_handler_id = u.handler,
      recognized_hours = u.recognized, updated_at = now()
    FROM unnest(${next.map((n) => n.row.id)}::uuid[], ${next.map((n) => n.state.status)}::text[], ${next.map((n) => n.state.stepIndex)}::int[],
                ${next.map((n) => n.state.currentHandlerId)}::uuid[], ${next.map((n) => n.state.recognizedHours)}::int[])
      AS u(id, status, step_index, handler, recognized)
    WHERE d.id = u.id`;
  // A rejection records its reason; an approval that lowered 认定学时 records why it did.
  const reasonText =
    input.kind === "REJECT"
      ? [rejectReasons.find((r) => r.code === input.reasonCode)?.label, input.reason].filter(Boolean).join("：")
      : input.reason?.trim() || null;
  await tx.$executeRaw`
    INSERT INTO hours.declaration_decision
      (id, declaration_id, kind, step_index, unit_id, unit_name, actor_account_id, actor_name, decision, recognized_hours, reason_code, reason)
    SELECT gen_random_uuid(), u.id, 'APPROVAL', u.step_index, ${who.unitId}::uuid, ${who.unitName}, ${who.accountId}::uuid, ${who.name},
           ${input.kind === "APPROVE" ? "APPROVED" : "REJECTED"}, u.recognized, ${input.kind === "REJECT" ? input.reasonCode : null}, ${reasonText}
    FROM unnest(${next.map((n) => n.row.id)}::uuid[], ${next.map((n) => n.row.step_index)}::int[], ${next.map((n) => n.state.recognizedHours)}::int[])
      AS u(id, step_index, recognized)`;
  const finals = next.filter((n) => n.state.final).map((n) => n.row.id);
  if (finals.length > 0) {
    const def = input.kind === "APPROVE" ? hoursEvents.declarationApproved : hoursEvents.declarationRejected;
    const decided = await tx.declaration.findMany({ where: { id: { in: finals } }, include: withForm });
    for (const d of decided) await declarationEvent(tx, def, d, meta, input.kind === "REJECT" ? reasonText : null);
  }
  return next.length;
}
