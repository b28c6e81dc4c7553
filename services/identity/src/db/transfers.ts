import { randomUUID } from "node:crypto";
import { type Page, TransferCandidate, TransferDetail, TransferRow } from "@ce/contracts";
import { likeContains, likePrefix, prefixFilter, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { StoredTransferAttachment } from "../storage/transfer-attachments.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";
import { type ReviewOutcome, type ReviewScope, reviewedColumns } from "./reviews.ts";
import { sqlPage } from "./sql-page.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);
const inScope = (alias: string, scope: ReviewScope) => Prisma.sql`${Prisma.raw(alias)}.path LIKE ${likePrefix(scope.scopePath)}`;

/** 添加人员: approved professionals of units in the caller's subtree with no open transfer. */
export async function transferCandidates(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined; accountId?: string | undefined },
): Promise<Page<TransferCandidate>> {
  const conditions = [
    inScope("u", scope),
    Prisma.sql`p.status = 'APPROVED'`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM ${t("transfer")} x WHERE x.account_id = p.account_id AND x.status = 'PENDING')`,
  ];
  if (input.name) conditions.push(Prisma.sql`a.name ILIKE ${likeContains(input.name)}`);
  if (input.accountId) conditions.push(Prisma.sql`p.account_id = ${input.accountId}::uuid`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`${t("professional")} p JOIN ${t("account")} a ON a.id = p.account_id JOIN ${t("unit")} u ON u.id = p.unit_id LEFT JOIN ${t("department")} d ON d.id = p.department_id`;
  const { items: rows, ...served } = await sqlPage(db, input, {
    columns: Prisma.sql`p.account_id::text AS "accountId", a.name, a.id_type AS "idType", a.id_number_masked AS "idNumberMasked", d.name AS "departmentName",
             a.phone_masked AS "phoneMasked", a.email, p.title_series AS "titleSeries", p.qualification, p.certificate_no AS "certificateNo", u.id::text AS "unitId", u.name AS "unitName"`,
    from,
    where,
    orderBy: Prisma.sql`a.name, p.account_id`,
  });
  return { ...served, items: rows.map((r) => TransferCandidate.parse(r)) };
}

/** The professional's status and unit when they belong to a unit under `scopePath`; null otherwise. */
export function professionalInScope(tx: Tx, scopePath: string, accountId: string) {
  return tx.professional.findFirst({ where: { accountId, unit: { path: prefixFilter(scopePath) } }, select: { status: true, unitId: true } });
}

/** What a transfer target is checked on; null when no such unit exists. */
export function targetUnit(tx: Tx, unitId: string) {
  return tx.unit.findUnique({ where: { id: unitId }, select: { id: true, kind: true, status: true } });
}

/** A new PENDING transfer; its attachment already stored (or none). */
export interface NewTransfer {
  accountId: string;
  fromUnitId: string;
  toUnitId: string;
  contactPhone: string;
  reason: string;
  requestedBy: string;
  attachmentName: string | null;
  attachment: StoredTransferAttachment | null;
}

/** Inserts a PENDING transfer; null when the person already has one open (transfer_one_pending). */
export async function insertTransfer(tx: Tx, data: NewTransfer): Promise<string | null> {
  const id = randomUUID();
  const { attachment, attachmentName, ...rest } = data;
  const write = () =>
    tx.transfer.create({
      data: {
        id,
        ...rest,
        status: "PENDING",
        attachmentName: attachment?.name ?? attachmentName,
        attachmentKey: attachment?.key ?? null,
        attachmentType: attachment?.contentType ?? null,
        attachmentSize: attachment?.size ?? null,
        attachmentSha256: attachment?.sha256 ?? null,
      },
    });
  return (await takenIndex(write, "transfer_one_pending")) ? null : id;
}

const transferFrom = Prisma.sql`
  ${t("transfer")} x JOIN ${t("account")} a ON a.id = x.account_id JOIN ${t("professional")} p ON p.account_id = x.account_id
  JOIN ${t("unit")} f ON f.id = x.from_unit_id JOIN ${t("unit")} dst ON dst.id = x.to_unit_id`;
const transferColumns = Prisma.sql`
  x.id::text AS id, a.name, a.id_number_masked AS "idNumberMasked", f.name AS "fromUnitName", dst.name AS "toUnitName",
  p.title_series AS "titleSeries", p.major, p.qualification, x.status, x.created_at AS "createdAt"`;

/** 人员调入 / 调转记录: transfers into (or out of) units of the caller's subtree. */
export async function listTransfers(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; direction: "in" | "out"; status?: string | undefined },
): Promise<Page<TransferRow>> {
  const conditions = [inScope(input.direction === "in" ? "dst" : "f", scope)];
  if (input.status) conditions.push(Prisma.sql`x.status = ${input.status}`);
  const where = Prisma.join(conditions, " AND ");
  const { items: rows, ...served } = await sqlPage(db, input, {
    columns: transferColumns,
    from: transferFrom,
    where,
    orderBy: Prisma.sql`x.created_at DESC, x.id`,
  });
  return { ...served, items: rows.map((r) => TransferRow.parse(r)) };
}

/** 详情: visible to either side of the transfer (`decidable` by the target side while pending); null otherwise. */
export async function transferDetail(db: Db, scope: ReviewScope, id: string): Promise<TransferDetail | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${transferColumns}, x.contact_phone AS "contactPhone", x.reason, x.attachment_name AS "attachmentName", (x.attachment_key IS NOT NULL) AS "hasAttachment", x.review_reason AS "reviewReason", x.reviewed_at AS "reviewedAt",
      (x.status = 'PENDING' AND ${inScope("dst", scope)}) AS "decidable"
    FROM ${transferFrom} WHERE x.id = ${id}::uuid AND (${inScope("f", scope)} OR ${inScope("dst", scope)})`;
  return rows[0] ? TransferDetail.parse(rows[0]) : null;
}

/** A transfer into a unit under the scope, locked so two admins cannot both decide it; null otherwise. */
export async function lockIncomingTransfer(tx: Tx, scope: ReviewScope, id: string) {
  const rows = await tx.$queryRaw<{ id: string; accountId: string; fromUnitId: string; toUnitId: string; status: string }[]>`
    SELECT x.id::text AS id, x.account_id::text AS "accountId", x.from_unit_id::text AS "fromUnitId", x.to_unit_id::text AS "toUnitId", x.status
    FROM ${t("transfer")} x JOIN ${t("unit")} dst ON dst.id = x.to_unit_id
    WHERE x.id = ${id}::uuid AND ${inScope("dst", scope)} FOR UPDATE OF x`;
  return rows[0] ?? null;
}

/** Records the target unit's decision on a transfer. */
export async function markTransferReviewed(tx: Tx, id: string, review: ReviewOutcome<"ACCEPTED" | "REJECTED">): Promise<void> {
  await tx.transfer.update({ where: { id }, data: reviewedColumns(review) });
}

/**
 * Moves a professional (and their account) from one unit to another, department cleared, version
 * bumped. Returns false when they are no longer in `fromUnitId`.
 */
export async function moveProfessional(tx: Tx, accountId: string, fromUnitId: string, toUnitId: string): Promise<boolean> {
  const moved = await tx.professional.updateMany({
    where: { accountId, unitId: fromUnitId },
    data: { unitId: toUnitId, departmentId: null, version: { increment: 1 } },
  });
  if (moved.count !== 1) return false;
  await tx.account.update({ where: { id: accountId }, data: { unitId: toUnitId } });
  return true;
}

/**
 * Closes the person's pending 人员信息修改 as REJECTED with `reason` (no reviewer: the system), for a
 * transfer accepted: the request was addressed to the unit they left (its admins, its departments).
 * Returns how many were closed (0 or 1: one pending request per account).
 */
export async function closePendingProfileChanges(tx: Tx, accountId: string, reason: string): Promise<number> {
  const closed = await tx.profileChangeRequest.updateMany({
    where: { accountId, status: "PENDING" },
    data: reviewedColumns({ status: "REJECTED", reason, reviewedBy: null }),
  });
  return closed.count;
}

/** 附件 of one transfer: its stored metadata, only when the caller administers the source or target unit. */
export async function findTransferAttachment(db: Db, scope: ReviewScope, id: string): Promise<{ key: string; name: string; type: string } | null> {
  const rows = await db.$queryRaw<{ key: string; name: string | null; type: string }[]>`
    SELECT x.attachment_key::text AS key, x.attachment_name AS name, x.attachment_type AS type
    FROM ${t("transfer")} x JOIN ${t("unit")} f ON f.id = x.from_unit_id JOIN ${t("unit")} dst ON dst.id = x.to_unit_id
    WHERE x.id = ${id}::uuid AND x.attachment_key IS NOT NULL AND (${inScope("f", scope)} OR ${inScope("dst", scope)})`;
  const row = rows[0];
  return row ? { key: row.key, name: row.name ?? "附件", type: row.type } : null;
}
