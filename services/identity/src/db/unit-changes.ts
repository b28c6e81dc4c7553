import { randomUUID } from "node:crypto";
import {
  type DecideUnitChangesInput,
  DomainError,
  type ListUnitChangesInput,
  type OwnUnitChange,
  type Page,
  UnitChangeKind,
  UnitChangeRow,
  unitDepth,
} from "@ce/contracts";
import { dbValue, type EventMeta, likeContains, likePrefix, paginate, prefixFilter, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { approversOf, checkNewSuperior, movedPath, requestOutcome, unitChangeMessages } from "../domain/unit-changes.ts";
import { codeCheckMismatch, normalizeUnitCode } from "../domain/units.ts";
import { unitMoved } from "../events/unit-changes.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";
import { updateUnit } from "./units.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);

async function lockUnit(tx: Tx, unitId: string) {
  await tx.$queryRaw`SELECT id FROM ${t("unit")} WHERE id = ${unitId}::uuid FOR UPDATE`;
  return tx.unit.findUniqueOrThrow({ where: { id: unitId } });
}

async function openRequest(
  tx: Tx,
  actor: AuditActor & { accountId: string },
  data: {
    unitId: string;
    kind: "CODE" | "SUPERIOR";
    oldCode: string | null;
    newCode: string | null;
    newCodeCheckMismatch?: boolean;
    oldSuperiorId: string | null;
    newSuperiorId: string | null;
  },
) {
  const id = randomUUID();
  try {
    await tx.unitChangeRequest.create({
      data: {
        id,
        ...data,
        status: "PENDING",
        requestedBy: actor.accountId,
        approvals: { create: approversOf(data).map((approverUnitId) => ({ id: randomUUID(), approverUnitId, status: "PENDING" })) },
      },
    });
  } catch (e) {
    if (isUniqueViolation(e, "unit_change_request_one_pending")) throw new DomainError("CONFLICT", unitChangeMessages.pending);
    throw e;
  }
  await recordAudit(tx, actor, {
    action: `unitChange.request${data.kind === "CODE" ? "Code" : "Superior"}`,
    entityType: "unitChangeRequest",
    entityId: id,
    unitId: data.unitId,
    before: { code: data.oldCode, superiorId: data.oldSuperiorId },
    after: { code: data.newCode, superiorId: data.newSuperiorId },
  });
  return { id };
}

/** 修改单位信息: a new code, decided by the superior's admins; `confirmed` accepts a check-character mismatch (flagged). */
export async function requestCodeChange(tx: Tx, actor: AuditActor & { accountId: string }, unitId: string, rawCode: string, confirmed = false) {
  const unit = await lockUnit(tx, unitId);
  const code = normalizeUnitCode(rawCode, confirmed);
  if (code === unit.code) throw new DomainError("BAD_REQUEST", unitChangeMessages.sameCode, "code");
  if (code && (await tx.unit.findUnique({ where: { code }, select: { id: true } })))
    throw new DomainError("CONFLICT", "该机构代码/统一社会信用代码已被注册", "code");
  return openRequest(tx, actor, {
    unitId,
    kind: "CODE",
    oldCode: unit.code,
    newCode: code,
    newCodeCheckMismatch: codeCheckMismatch(code),
    oldSuperiorId: unit.superiorId,
    newSuperiorId: null,
  });
}

/** 更换上级部门: decided by the old and the new superior's admins. */
export async function requestSuperiorChange(tx: Tx, actor: AuditActor & { accountId: string }, unitId: string, superiorId: string) {
  const unit = await lockUnit(tx, unitId);
  const candidate = await tx.unit.findUnique({ where: { id: superiorId }, select: { id: true, kind: true, status: true, path: true } });
  if (!candidate) throw new DomainError("BAD_REQUEST", unitChangeMessages.notAuthority, "superiorId");
  checkNewSuperior(unit, candidate);
  return openRequest(tx, actor, { unitId, kind: "SUPERIOR", oldCode: unit.code, newCode: null, oldSuperiorId: unit.superiorId, newSuperiorId: superiorId });
}

export async function ownPendingChange(db: Db, unitId: string): Promise<OwnUnitChange | null> {
  const r = await db.unitChangeRequest.findFirst({ where: { unitId, status: "PENDING" } });
  if (!r) return null;
  const superior = r.newSuperiorId ? await db.unit.findUnique({ where: { id: r.newSuperiorId }, select: { name: true } }) : null;
  return {
    id: r.id,
    kind: dbValue(UnitChangeKind, r.kind, "identity.unit_change_request.kind"),
    newCode: r.newCode,
    newSuperiorName: superior?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** 撤销: the request and its approvals leave both review tabs. */
export async function withdrawChange(tx: Tx, actor: AuditActor, unitId: string, requestId: string) {
  const rows = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status FROM ${t("unit_change_request")} WHERE id = ${requestId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new DomainError("NOT_FOUND", unitChangeMessages.notFound);
  if (rows[0].status !== "PENDING") throw new DomainError("CONFLICT", unitChangeMessages.notPending);
  await tx.unitChangeRequest.update({ where: { id: requestId }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "unitChange.withdraw",
    entityType: "unitChangeRequest",
    entityId: requestId,
    unitId,
    before: { status: "PENDING" },
    after: { status: "WITHDRAWN" },
  });
}

/** 审核机构信息修改: the approvals that fall to the caller's unit; withdrawn requests never show. */
export async function listUnitChanges(db: Db, approverUnitId: string, input: ListUnitChangesInput): Promise<Page<UnitChangeRow>> {
  const conditions = [Prisma.sql`a.approver_unit_id = ${approverUnitId}::uuid`, Prisma.sql`r.status <> 'WITHDRAWN'`];
  conditions.push(input.tab === "PENDING" ? Prisma.sql`a.status = 'PENDING' AND r.status = 'PENDING'` : Prisma.sql`a.status <> 'PENDING'`);
  if (input.unitName) conditions.push(Prisma.sql`u.name ILIKE ${likeContains(input.unitName)}`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`FROM ${t("unit_change_approval")} a JOIN ${t("unit_change_request")} r ON r.id = a.request_id
    JOIN ${t("unit")} u ON u.id = r.unit_id JOIN ${t("account")} acc ON acc.id = r.requested_by LEFT JOIN ${t("unit")} ns ON ns.id = r.new_superior_id`;
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT a.id::text AS "approvalId", u.name AS "unitName", u.code, r.kind,
             CASE WHEN r.kind = 'CODE' THEN coalesce(r.old_code, '') || ' → ' || coalesce(r.new_code, '') ELSE '新上级部门：' || coalesce(ns.name, '') END AS detail,
             r.old_code AS "oldCode", r.new_code AS "newCode", r.new_code_check_mismatch AS "newCodeCheckMismatch", acc.name AS "adminName", acc.phone_masked AS "phoneMasked", a.status, a.reason, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
      ${from} WHERE ${where}
      ORDER BY r.created_at DESC, a.id
      LIMIT ${limit} OFFSET ${offset}`,
  );
  return { ...served, items: rows.map((r) => UnitChangeRow.parse(r)) };
}

/**
 * Batch 通过 / 驳回 in one transaction. Each approval row is locked; one already decided (by a
 * concurrent admin) fails the whole batch with CONFLICT. A request applies when all approved.
 */
export async function decideUnitChanges(
  tx: Tx,
  actor: AuditActor & { accountId: string },
  approverUnitId: string,
  input: DecideUnitChangesInput,
  meta: EventMeta,
): Promise<{ decided: number; applied: number; movedAdmins: string[] }> {
  let applied = 0;
  const movedAdmins: string[] = [];
  for (const approvalId of [...new Set(input.approvalIds)]) {
    const rows = await tx.$queryRaw<{ request_id: string; status: string }[]>`
      SELECT request_id::text, status FROM ${t("unit_change_approval")} WHERE id = ${approvalId}::uuid AND approver_unit_id = ${approverUnitId}::uuid FOR UPDATE`;
    const approval = rows[0];
    if (!approval) throw new DomainError("NOT_FOUND", unitChangeMessages.notFound);
    const req = (
      await tx.$queryRaw<{ status: string }[]>`SELECT status FROM ${t("unit_change_request")} WHERE id = ${approval.request_id}::uuid FOR UPDATE`
    )[0];
    if (approval.status !== "PENDING" || req?.status !== "PENDING") throw new DomainError("CONFLICT", unitChangeMessages.decided);
    const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
    await tx.unitChangeApproval.update({
      where: { id: approvalId },
      data: { status, reason: input.reason || null, decidedBy: actor.accountId, decidedAt: new Date() },
    });
    const request = await tx.unitChangeRequest.findUniqueOrThrow({ where: { id: approval.request_id }, include: { approvals: true } });
    const outcome = requestOutcome(request.approvals);
    await recordAudit(tx, actor, {
      action: `unitChange.${status === "APPROVED" ? "approve" : "reject"}`,
      entityType: "unitChangeRequest",
      entityId: request.id,
      unitId: request.unitId,
      before: { status: "PENDING" },
      after: { status, reason: input.reason ?? null },
    });
    if (outcome === "PENDING") continue;
    await tx.unitChangeRequest.update({ where: { id: request.id }, data: { status: outcome, decidedAt: new Date() } });
    if (outcome === "APPROVED") {
      movedAdmins.push(...(await applyChange(tx, actor, request, meta)));
      applied++;
    }
  }
  return { decided: input.approvalIds.length, applied, movedAdmins };
}

/** Applies an approved request; for a move, returns the accounts of the admins whose scope moved. */
async function applyChange(
  tx: Tx,
  actor: AuditActor,
  request: { unitId: string; kind: string; newCode: string | null; newCodeCheckMismatch: boolean; newSuperiorId: string | null },
  meta: EventMeta,
): Promise<string[]> {
  if (request.kind === "CODE") {
    const before = await tx.unit.findUniqueOrThrow({ where: { id: request.unitId }, select: { code: true } });
    await updateUnit(tx, request.unitId, { code: request.newCode, codeConfirmed: request.newCodeCheckMismatch }, meta);
    await recordAudit(tx, actor, {
      action: "unit.changeCode",
      entityType: "unit",
      entityId: request.unitId,
      unitId: request.unitId,
      before: { code: before.code },
      after: { code: request.newCode },
    });
    return [];
  }
  const unit = await lockUnit(tx, request.unitId);
  const superior = await tx.unit.findUnique({ where: { id: request.newSuperiorId ?? "" }, select: { id: true, kind: true, status: true, path: true } });
  if (!superior) throw new DomainError("CONFLICT", unitChangeMessages.notAuthority);
  // Re-checked at apply time: the tree may have changed since the request.
  checkNewSuperior(unit, superior);
  const newPath = movedPath(unit.path, superior.path);
  const delta = unitDepth(newPath) - unitDepth(unit.path);
  // The unit and its whole subtree in one statement; only the moved unit's version and superior change.
  await tx.$executeRaw`
    UPDATE ${t("unit")} SET
      path = ${newPath} || substr(path, ${unit.path.length + 1}),
      depth = depth + ${delta},
      superior_id = CASE WHEN id = ${unit.id}::uuid THEN ${superior.id}::uuid ELSE superior_id END,
      version = CASE WHEN id = ${unit.id}::uuid THEN version + 1 ELSE version END,
      updated_at = now()
    WHERE path LIKE ${likePrefix(unit.path)}`;
  await unitMoved(
    tx,
    { unitId: unit.id, oldSuperiorId: unit.superiorId, newSuperiorId: superior.id, oldPath: unit.path, newPath, version: unit.version + 1 },
    meta,
  );
  await recordAudit(tx, actor, {
    action: "unit.move",
    entityType: "unit",
    entityId: unit.id,
    unitId: unit.id,
    before: { superiorId: unit.superiorId, path: unit.path },
    after: { superiorId: superior.id, path: newPath },
  });
  const admins = await tx.admin.findMany({ where: { unit: { path: prefixFilter(newPath) } }, select: { accountId: true } });
  return admins.map((a) => a.accountId);
}
