import type { DeclarationStatus } from "@ce/contracts";
import type { Tx } from "./client.ts";
import { withForm } from "./declarations.ts";

/** An admin acting for their unit: who decides or audits, as the decision rows record them. */
export interface Decider {
  accountId: string;
  name: string;
  unitId: string;
  unitName: string;
  scopePath: string;
}

/** One declaration's new place on its chain after a decision. */
export interface StepWrite {
  id: string;
  status: DeclarationStatus;
  stepIndex: number;
  currentHandlerId: string | null;
  recognizedHours: number | null;
}

/** One row of the decision trail (declaration_decision); `who` and the shared fields come separately. */
export interface DecisionWrite {
  declarationId: string;
  stepIndex: number;
  recognizedHours: number | null;
}

/** What every row of one decision shares: its kind, outcome and reason. */
export interface DecisionKind {
  kind: "APPROVAL" | "AUDIT";
  decision: "APPROVED" | "REJECTED" | "AUDIT_PASSED" | "AUDIT_FAILED";
  reasonCode: string | null;
  reason: string | null;
}

/** Moves many declarations along their chains in one statement (a batch of 1,000 stays fast). */
export async function writeSteps(tx: Tx, steps: readonly StepWrite[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE hours.declaration d SET status = u.status, step_index = u.step_index, current_handler_id = u.handler,
      recognized_hours = u.recognized, updated_at = now()
    FROM unnest(${steps.map((s) => s.id)}::uuid[], ${steps.map((s) => s.status)}::text[], ${steps.map((s) => s.stepIndex)}::int[],
                ${steps.map((s) => s.currentHandlerId)}::uuid[], ${steps.map((s) => s.recognizedHours)}::int[])
      AS u(id, status, step_index, handler, recognized)
    WHERE d.id = u.id`;
}

/** Sets one status on many declarations (审验: 已备案 or voided), keeping their place on the chain. */
export async function writeStatus(tx: Tx, ids: readonly string[], status: DeclarationStatus): Promise<void> {
  await tx.$executeRaw`UPDATE hours.declaration SET status = ${status}, updated_at = now() WHERE id = ANY(${[...ids]}::uuid[])`;
}

/** Appends one decision-trail row per declaration: who decided (unit and person), what, and why. */
export async function insertDecisions(tx: Tx, who: Decider, what: DecisionKind, rows: readonly DecisionWrite[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO hours.declaration_decision
      (id, declaration_id, kind, step_index, unit_id, unit_name, actor_account_id, actor_name, decision, recognized_hours, reason_code, reason)
    SELECT gen_random_uuid(), u.id, ${what.kind}, u.step_index, ${who.unitId}::uuid, ${who.unitName}, ${who.accountId}::uuid, ${who.name},
           ${what.decision}, u.recognized, ${what.reasonCode}, ${what.reason}
    FROM unnest(${rows.map((r) => r.declarationId)}::uuid[], ${rows.map((r) => r.stepIndex)}::int[], ${rows.map((r) => r.recognizedHours)}::int[])
      AS u(id, step_index, recognized)`;
}

/** Declarations by id, loaded as events and DTOs need them (form, files, history). */
export function loadDeclarations(tx: Tx, ids: readonly string[]) {
  return tx.declaration.findMany({ where: { id: { in: [...ids] } }, include: withForm });
}
