import { randomUUID } from "node:crypto";
import { type DecidedUnitChange, type ListUnitChangesInput, type OwnUnitChange, type Page, UnitChangeKind, UnitChangeRow } from "@ce/contracts";
import { dbValue, likeContains, likePrefix, prefixFilter, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { CODE_HOLDING_STATUSES } from "../domain/units.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";
import { sqlPage } from "./sql-page.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);

/** The unit row, locked until the transaction ends (a request or a move must not race another). */
export async function lockUnit(tx: Tx, unitId: string) {
  await tx.$queryRaw`SELECT id FROM ${t("unit")} WHERE id = ${unitId}::uuid FOR UPDATE`;
  return tx.unit.findUniqueOrThrow({ where: { id: unitId } });
}

/**
 * Whether a unit other than `except` holds this code (机构代码/统一社会信用代码): one APPROVED or
 * DISABLED (domain CODE_HOLDING_STATUSES). A pending or rejected claim holds nothing.
 */
export async function codeTaken(tx: Tx, code: string, except?: string): Promise<boolean> {
  const holder = await tx.unit.findFirst({
    where: { code, status: { in: [...CODE_HOLDING_STATUSES] }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  return holder !== null;
}

/** The fields a superior candidate is checked on, or null when no such unit exists. */
export function superiorCandidate(tx: Tx, unitId: string) {
  return tx.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, kind: true, status: true, path: true } });
}

export interface NewUnitChange {
  unitId: string;
  kind: "CODE" | "SUPERIOR";
  oldCode: string | null;
  newCode: string | null;
  newCodeCheckMismatch?: boolean;
  oldSuperiorId: string | null;
  newSuperiorId: string | null;
  requestedBy: string;
}

/**
 * Inserts a PENDING request with one PENDING approval per approver unit. Returns the new id, or
 * null when the unit already has a pending request (unique index unit_change_request_one_pending).
 */
export async function insertChangeRequest(tx: Tx, data: NewUnitChange, approverUnitIds: string[]): Promise<string | null> {
  const id = randomUUID();
  const write = () =>
    tx.unitChangeRequest.create({
      data: {
        id,
        ...data,
        status: "PENDING",
        approvals: { create: approverUnitIds.map((approverUnitId) => ({ id: randomUUID(), approverUnitId, status: "PENDING" })) },
      },
    });
  return (await takenIndex(write, "unit_change_request_one_pending")) ? null : id;
}

/** The unit's own pending request, if any, with the new superior's name. */
export async function ownPendingChange(db: Db, unitId: string): Promise<OwnUnitChange | null> {
  const r = await db.unitChangeRequest.findFirst({ where: { unitId, status: "PENDING" } });
  return r ? ownChange(db, r) : null;
}

/**
 * The unit's latest decided change request (APPROVED, or REJECTED with the reason the rejecting
 * unit gave), for its own 基本信息修改 page; null when none was decided.
 */
export async function ownLastDecidedChange(db: Db, unitId: string): Promise<DecidedUnitChange | null> {
  const r = await db.unitChangeRequest.findFirst({
    where: { unitId, status: { in: ["APPROVED", "REJECTED"] } },
    orderBy: [{ decidedAt: "desc" }, { createdAt: "desc" }],
    include: { approvals: { where: { status: "REJECTED" }, select: { reason: true }, take: 1 } },
  });
  if (!r) return null;
  const status = r.status === "APPROVED" ? "APPROVED" : "REJECTED";
  return { ...(await ownChange(db, r)), status, reason: r.approvals[0]?.reason ?? null, decidedAt: (r.decidedAt ?? r.createdAt).toISOString() };
}

/** A request as its unit reads it: the kind, the new code or the new superior's name, and when it was asked. */
async function ownChange(
  db: Db,
  r: { id: string; kind: string; newCode: string | null; newSuperiorId: string | null; createdAt: Date },
): Promise<OwnUnitChange> {
  const superior = r.newSuperiorId ? await db.unit.findUnique({ where: { id: r.newSuperiorId }, select: { name: true } }) : null;
  return {
    id: r.id,
    kind: dbValue(UnitChangeKind, r.kind, "identity.unit_change_request.kind"),
    newCode: r.newCode,
    newSuperiorName: superior?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Locks a request row and returns its status; `unitId` limits it to the unit's own requests. Null when absent. */
export async function lockRequestStatus(tx: Tx, requestId: string, unitId?: string): Promise<string | null> {
  const rows = unitId
    ? await tx.$queryRaw<{ status: string }[]>`
        SELECT status FROM ${t("unit_change_request")} WHERE id = ${requestId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`
    : await tx.$queryRaw<{ status: string }[]>`SELECT status FROM ${t("unit_change_request")} WHERE id = ${requestId}::uuid FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/** Sets a request's final status (WITHDRAWN, APPROVED, REJECTED) and its decision time. */
export async function closeRequest(tx: Tx, requestId: string, status: "WITHDRAWN" | "APPROVED" | "REJECTED"): Promise<void> {
  await tx.unitChangeRequest.update({ where: { id: requestId }, data: { status, decidedAt: new Date() } });
}

/**
 * Locks the approvals among `approvalIds` that fall to `approverUnitId`, with their requests, in id
 * order (so two batches never deadlock): the approval's and the request's status and the name of
 * the unit that asked. Approvals not theirs (or unknown) are simply absent.
 */
export async function lockApprovals(
  tx: Tx,
  approvalIds: readonly string[],
  approverUnitId: string,
): Promise<{ id: string; requestId: string; status: string; requestStatus: string; unitName: string }[]> {
  const rows = await tx.$queryRaw<{ id: string; request_id: string; status: string; request_status: string; unit_name: string }[]>`
    SELECT a.id::text, a.request_id::text, a.status, r.status AS request_status, u.name AS unit_name
    FROM ${t("unit_change_approval")} a
    JOIN ${t("unit_change_request")} r ON r.id = a.request_id
    JOIN ${t("unit")} u ON u.id = r.unit_id
    WHERE a.id = ANY(${[...approvalIds]}::uuid[]) AND a.approver_unit_id = ${approverUnitId}::uuid
    ORDER BY a.id
    FOR UPDATE OF a, r`;
  return rows.map((r) => ({ id: r.id, requestId: r.request_id, status: r.status, requestStatus: r.request_status, unitName: r.unit_name }));
}

/** Records one approver's 通过 / 驳回. */
export async function recordApproval(
  tx: Tx,
  approvalId: string,
  decision: { status: "APPROVED" | "REJECTED"; reason: string | null; decidedBy: string },
): Promise<void> {
  await tx.unitChangeApproval.update({ where: { id: approvalId }, data: { ...decision, decidedAt: new Date() } });
}

/** A request with all its approvals. */
export function requestWithApprovals(tx: Tx, requestId: string) {
  return tx.unitChangeRequest.findUniqueOrThrow({ where: { id: requestId }, include: { approvals: true } });
}

/** A unit's current code. */
export async function unitCode(tx: Tx, unitId: string): Promise<string | null> {
  return (await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { code: true } })).code;
}

/**
 * Moves a unit and its whole subtree in one statement: every path swaps `unit.path` for `newPath`,
 * depths shift by `depthDelta`; only the moved unit's superior and version change.
 */
export async function moveSubtree(tx: Tx, unit: { id: string; path: string }, superiorId: string, newPath: string, depthDelta: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE ${t("unit")} SET
      path = ${newPath} || substr(path, ${unit.path.length + 1}),
      depth = depth + ${depthDelta},
      superior_id = CASE WHEN id = ${unit.id}::uuid THEN ${superiorId}::uuid ELSE superior_id END,
      version = CASE WHEN id = ${unit.id}::uuid THEN version + 1 ELSE version END,
      updated_at = now()
    WHERE path LIKE ${likePrefix(unit.path)}`;
}

/** Account ids of the admins of every unit under `path` (the unit itself included). */
export async function adminAccountsUnder(tx: Tx, path: string): Promise<string[]> {
  const admins = await tx.admin.findMany({ where: { unit: { path: prefixFilter(path) } }, select: { accountId: true } });
  return admins.map((a) => a.accountId);
}

/** 审核机构信息修改: the approvals that fall to the caller's unit; withdrawn requests never show. */
export async function listUnitChanges(db: Db, approverUnitId: string, input: ListUnitChangesInput): Promise<Page<UnitChangeRow>> {
  const conditions = [Prisma.sql`a.approver_unit_id = ${approverUnitId}::uuid`, Prisma.sql`r.status <> 'WITHDRAWN'`];
  conditions.push(input.tab === "PENDING" ? Prisma.sql`a.status = 'PENDING' AND r.status = 'PENDING'` : Prisma.sql`a.status <> 'PENDING'`);
  if (input.unitName) conditions.push(Prisma.sql`u.name ILIKE ${likeContains(input.unitName)}`);
  const where = Prisma.join(conditions, " AND ");
  const { items: rows, ...served } = await sqlPage(db, input, {
    columns: Prisma.sql`a.id::text AS "approvalId", u.name AS "unitName", u.code, r.kind,
             CASE WHEN r.kind = 'CODE' THEN coalesce(r.old_code, '') || ' → ' || coalesce(r.new_code, '') ELSE '新上级部门：' || coalesce(ns.name, '') END AS detail,
             r.old_code AS "oldCode", r.new_code AS "newCode", r.new_code_check_mismatch AS "newCodeCheckMismatch", acc.name AS "adminName", acc.phone_masked AS "phoneMasked", a.status, a.reason, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`,
    from: Prisma.sql`${t("unit_change_approval")} a JOIN ${t("unit_change_request")} r ON r.id = a.request_id
    JOIN ${t("unit")} u ON u.id = r.unit_id JOIN ${t("account")} acc ON acc.id = r.requested_by LEFT JOIN ${t("unit")} ns ON ns.id = r.new_superior_id`,
    where,
    orderBy: Prisma.sql`r.created_at DESC, a.id`,
  });
  return { ...served, items: rows.map((r) => UnitChangeRow.parse(r)) };
}
