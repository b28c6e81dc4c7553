import { randomUUID } from "node:crypto";
import { type CreateTransferInput, DomainError, type Page, TransferCandidate, TransferDetail, TransferRow } from "@ce/contracts";
import { type EventMeta, likeContains, likePrefix, paginate, prefixFilter, quoteIdent } from "@ce/service-kit";
import type { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { checkTargetUnit, checkTransferable, checkUndecided } from "../domain/transfers.ts";
import { publishTransferred } from "../events/professionals.ts";
import type { StoredTransferAttachment } from "../storage/transfer-attachments.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";
import type { ReviewScope } from "./reviews.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);
const inScope = (alias: string, scope: ReviewScope) => Prisma.sql`${Prisma.raw(alias)}.path LIKE ${likePrefix(scope.scopePath)}`;
const NOT_FOUND = "调转申请不存在或不在本单位管辖范围内";

/** 添加人员: approved professionals of units in the caller's subtree with no open transfer. */
export async function transferCandidates(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<TransferCandidate>> {
  const conditions = [
    inScope("u", scope),
    Prisma.sql`p.status = 'APPROVED'`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM ${t("transfer")} x WHERE x.account_id = p.account_id AND x.status = 'PENDING')`,
  ];
  if (input.name) conditions.push(Prisma.sql`a.name ILIKE ${likeContains(input.name)}`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`${t("professional")} p JOIN ${t("account")} a ON a.id = p.account_id JOIN ${t("unit")} u ON u.id = p.unit_id LEFT JOIN ${t("department")} d ON d.id = p.department_id`;
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT p.account_id::text AS "accountId", a.name, a.id_type AS "idType", a.id_number_masked AS "idNumberMasked", d.name AS "departmentName",
             a.phone_masked AS "phoneMasked", a.email, p.title_series AS "titleSeries", p.qualification, p.certificate_no AS "certificateNo", u.name AS "unitName"
      FROM ${from} WHERE ${where} ORDER BY a.name, p.account_id
      LIMIT ${limit} OFFSET ${offset}`,
  );
  return { ...served, items: rows.map((r) => TransferCandidate.parse(r)) };
}

/** 提交转出申请: one open transfer per person, to an approved employer anywhere in the province. */
export async function createTransfer(
  tx: Tx,
  actor: AuditActor,
  scope: ReviewScope,
  input: z.output<typeof CreateTransferInput>,
  attachment: StoredTransferAttachment | null = null,
): Promise<{ id: string }> {
  const p = await tx.professional.findFirst({
    where: { accountId: input.accountId, unit: { path: prefixFilter(scope.scopePath) } },
    select: { status: true, unitId: true },
  });
  checkTransferable(p);
  checkTargetUnit(await tx.unit.findUnique({ where: { id: input.toUnitId }, select: { id: true, kind: true, status: true } }), p.unitId);
  const id = randomUUID();
  try {
    await tx.transfer.create({
      data: {
        id,
        accountId: input.accountId,
        fromUnitId: p.unitId,
        toUnitId: input.toUnitId,
        contactPhone: input.contactPhone,
        reason: input.reason,
        status: "PENDING",
        requestedBy: actor.accountId as string,
        attachmentName: attachment?.name ?? (input.attachmentName || null),
        attachmentKey: attachment?.key ?? null,
        attachmentType: attachment?.contentType ?? null,
        attachmentSize: attachment?.size ?? null,
        attachmentSha256: attachment?.sha256 ?? null,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e, "transfer_one_pending")) throw new DomainError("CONFLICT", "该人员已有待处理的调转申请", "accountId");
    throw e;
  }
  await recordAudit(tx, actor, {
    action: "transfer.request",
    entityType: "transfer",
    entityId: id,
    unitId: p.unitId,
    after: { accountId: input.accountId, toUnitId: input.toUnitId, reason: input.reason },
  });
  return { id };
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
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${transferFrom} WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<
        Record<string, unknown>[]
      >`SELECT ${transferColumns} FROM ${transferFrom} WHERE ${where} ORDER BY x.created_at DESC, x.id LIMIT ${limit} OFFSET ${offset}`,
  );
  return { ...served, items: rows.map((r) => TransferRow.parse(r)) };
}

/** 详情: visible to either side of the transfer. */
export async function transferDetail(db: Db, scope: ReviewScope, id: string): Promise<TransferDetail> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${transferColumns}, x.contact_phone AS "contactPhone", x.reason, x.attachment_name AS "attachmentName", (x.attachment_key IS NOT NULL) AS "hasAttachment", x.review_reason AS "reviewReason", x.reviewed_at AS "reviewedAt"
    FROM ${transferFrom} WHERE x.id = ${id}::uuid AND (${inScope("f", scope)} OR ${inScope("dst", scope)})`;
  if (!rows[0]) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return TransferDetail.parse(rows[0]);
}

/**
 * 确认调转 / 拒绝 at the target unit. Accepting moves the person (professional and account) with
 * their department cleared, and announces professional.transferred; the transfer row is locked so
 * two admins cannot both decide it.
 */
export async function decideTransfer(
  tx: Tx,
  actor: AuditActor,
  scope: ReviewScope,
  input: { id: string; accept: boolean; reason?: string | undefined },
  meta: EventMeta,
): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string; accountId: string; fromUnitId: string; toUnitId: string; status: string }[]>`
    SELECT x.id::text AS id, x.account_id::text AS "accountId", x.from_unit_id::text AS "fromUnitId", x.to_unit_id::text AS "toUnitId", x.status
    FROM ${t("transfer")} x JOIN ${t("unit")} dst ON dst.id = x.to_unit_id
    WHERE x.id = ${input.id}::uuid AND ${inScope("dst", scope)} FOR UPDATE OF x`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", NOT_FOUND);
  checkUndecided(row.status);
  const status = input.accept ? "ACCEPTED" : "REJECTED";
  await tx.transfer.update({
    where: { id: row.id },
    data: { status, reviewReason: input.accept ? null : (input.reason ?? null), reviewedBy: actor.accountId, reviewedAt: new Date() },
  });
  if (input.accept) {
    const moved = await tx.professional.updateMany({
      where: { accountId: row.accountId, unitId: row.fromUnitId },
      data: { unitId: row.toUnitId, departmentId: null, version: { increment: 1 } },
    });
    if (moved.count !== 1) throw new DomainError("CONFLICT", "该人员已不在原调出单位");
    await tx.account.update({ where: { id: row.accountId }, data: { unitId: row.toUnitId } });
  }
  await recordAudit(tx, actor, {
    action: input.accept ? "transfer.accept" : "transfer.reject",
    entityType: "transfer",
    entityId: row.id,
    unitId: row.toUnitId,
    before: { status: row.status, unitId: row.fromUnitId },
    after: { status, unitId: input.accept ? row.toUnitId : row.fromUnitId, reason: input.reason ?? null },
  });
  if (input.accept) await publishTransferred(tx, { transferId: row.id, accountId: row.accountId, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId }, meta);
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
