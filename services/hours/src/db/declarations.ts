import {
  ApprovalChain,
  DecisionRow,
  type DeclarableProfessional,
  type DeclarationDetail,
  type DeclarationRow,
  DeclarationStatus,
  fromDateColumn,
  type ListRecordsInput,
  type Page,
  type PageRequest,
  Subject,
} from "@ce/contracts";
import { containsFilter, dbValue, paginate, prefixFilter } from "@ce/service-kit";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db, Tx } from "./client.ts";

/**
 * Whose declarations a caller sees: a professional their own; an admin their unit subtree's and,
 * with `declaredByUnit`, those their unit declared for people elsewhere (a 继续教育基地's classes).
 */
export type RecordsScope = { professionalId: string } | { scopePath: string; declaredByUnit?: string | null };

const scopeWhere = (s: RecordsScope): Prisma.DeclarationWhereInput => {
  if ("professionalId" in s) return { professionalId: s.professionalId };
  const subtree = { unitPath: prefixFilter(s.scopePath) };
  return s.declaredByUnit ? { OR: [subtree, { declaredByUnit: s.declaredByUnit }] } : subtree;
};

const tabStatuses: Record<ListRecordsInput["tab"], DeclarationStatus[] | null> = {
  ALL: null,
  PENDING: ["PENDING"],
  APPROVED: ["APPROVED", "FILED"],
  REJECTED: ["REJECTED", "VOIDED"],
};

/** Statuses whose hours still count against a form's yearly cap. */
export const COUNTING: DeclarationStatus[] = ["PENDING", "APPROVED", "FILED"];

/** One page of the approved professionals of a unit subtree by part of the name, by name (选择申请人 › 添加人员). */
export async function declarableProfessionals(
  db: Db,
  scopePath: string,
  request: { name?: string | undefined; page: number; pageSize: number },
): Promise<Page<DeclarableProfessional>> {
  const where = { unitPath: prefixFilter(scopePath), status: "APPROVED", ...(request.name ? { name: containsFilter(request.name) } : {}) };
  const { items: people, ...served } = await paginate(
    request,
    () => db.professionalReplica.count({ where }),
    ({ limit, offset }) => db.professionalReplica.findMany({ where, orderBy: [{ name: "asc" }, { accountId: "asc" }], skip: offset, take: limit }),
  );
  const units = await db.unitReplica.findMany({ where: { id: { in: [...new Set(people.map((p) => p.unitId))] } }, select: { id: true, name: true } });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    ...served,
    items: people.map((p) => ({ accountId: p.accountId, name: p.name, idNumberMasked: p.idNumberMasked, unitName: unitName.get(p.unitId) ?? null })),
  };
}

/** Hours a person already claims for one form in one year (pending or granted). */
export async function usedHoursThisYear(tx: Db | Tx, professionalId: string, formId: string, year: number): Promise<number> {
  const rows = await tx.declaration.findMany({
    where: { professionalId, year, status: { in: COUNTING }, formVersion: { formId } },
    select: { recognizedHours: true, computedHours: true, requestedHours: true },
  });
  return rows.reduce((sum, r) => sum + (r.recognizedHours ?? r.requestedHours), 0);
}

const withForm = {
  formVersion: { select: { version: true, name: true, form: { select: { code: true } } } },
  attachments: { select: { id: true, originalName: true, contentType: true, size: true, sha256: true }, orderBy: { createdAt: "asc" } },
  decisions: { orderBy: { createdAt: "asc" } },
} as const;
type Loaded = Prisma.DeclarationGetPayload<{ include: typeof withForm }>;

const Details = z.record(z.string(), z.unknown());

/** The stored approval chain, parsed (hours.declaration.chain is JSON). */
export const chainOf = (chain: unknown) => dbValue(ApprovalChain, chain, "hours.declaration.chain");

const handlerName = (d: Loaded) => (d.status === "PENDING" ? (chainOf(d.chain)[d.stepIndex]?.name ?? null) : null);

/** The names of the units that declared `rows` for their people (申报单位), by unit id, from the unit replica. */
export async function declaringUnitNames(db: Db | Tx, rows: readonly Pick<Loaded, "declaredByUnit">[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.declaredByUnit ? [r.declaredByUnit] : [])))];
  if (ids.length === 0) return new Map();
  const units = await db.unitReplica.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(units.map((u) => [u.id, u.name]));
}

/** A declaration as a list row; `unitNames` from declaringUnitNames (a unit not replicated yet shows no name). */
function toRow(d: Loaded, unitNames: ReadonlyMap<string, string>): DeclarationRow {
  return {
    id: d.id,
    professionalName: d.professionalName,
    declaredByUnitName: d.declaredByUnit ? (unitNames.get(d.declaredByUnit) ?? null) : null,
    year: d.year,
    subject: dbValue(Subject, d.subject, "hours.declaration.subject"),
    formName: d.formVersion.name,
    requestedHours: d.requestedHours,
    computedHours: d.computedHours,
    recognizedHours: d.recognizedHours,
    currentHandlerName: handlerName(d),
    status: dbValue(DeclarationStatus, d.status, "hours.declaration.status"),
  };
}

/** A declaration with its form, chain, history and attachments; its 申报单位 looked up in the unit replica. */
export async function toDetail(db: Db | Tx, d: Loaded): Promise<DeclarationDetail> {
  return {
    ...toRow(d, await declaringUnitNames(db, [d])),
    professionalId: d.professionalId,
    unitId: d.unitId,
    formCode: d.formVersion.form.code,
    formVersion: d.formVersion.version,
    schoolName: d.schoolName,
    className: d.className,
    content: d.content,
    startDate: fromDateColumn(d.startDate),
    endDate: fromDateColumn(d.endDate),
    score: d.score,
    details: dbValue(Details, d.details, "hours.declaration.details"),
    explanation: d.explanation,
    chain: chainOf(d.chain),
    history: d.decisions.map((h) => ({
      kind: dbValue(DecisionRow.shape.kind, h.kind, "hours.declaration_decision.kind"),
      unitName: h.unitName,
      actorName: h.actorName,
      decision: dbValue(DecisionRow.shape.decision, h.decision, "hours.declaration_decision.decision"),
      recognizedHours: h.recognizedHours,
      reason: h.reason,
      decidedAt: h.createdAt.toISOString(),
    })),
    attachments: d.attachments.map((a) => ({ id: a.id, name: a.originalName, contentType: a.contentType, size: a.size, sha256: a.sha256 })),
    createdAt: d.createdAt.toISOString(),
    flags: [],
  };
}

/** 查看申报记录: one page of one tab, newest first. */
export function listRecords(db: Db, scope: RecordsScope, input: ListRecordsInput): Promise<Page<DeclarationRow>> {
  const statuses = tabStatuses[input.tab];
  return listWhere(db, { ...scopeWhere(scope), ...(statuses ? { status: { in: statuses } } : {}) }, input);
}

/** One page of declarations matching `where`, newest first. */
export async function listWhere(db: Db, where: Prisma.DeclarationWhereInput, input: PageRequest): Promise<Page<DeclarationRow>> {
  const { items: rows, ...served } = await paginate(
    input,
    () => db.declaration.count({ where }),
    ({ limit, offset }) => db.declaration.findMany({ where, include: withForm, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: offset, take: limit }),
  );
  const unitNames = await declaringUnitNames(db, rows);
  return { ...served, items: rows.map((r) => toRow(r, unitNames)) };
}

/** One declaration, if the caller may see it. */
export async function findDeclaration(db: Db | Tx, scope: RecordsScope, id: string) {
  return db.declaration.findFirst({ where: { id, ...scopeWhere(scope) }, include: withForm });
}

/** The replica of a person who may be declared for: by id, within `scopePath` when given. */
export function findDeclarant(db: Db, accountId: string, scopePath?: string) {
  return db.professionalReplica.findFirst({ where: { accountId, ...(scopePath ? { unitPath: prefixFilter(scopePath) } : {}) } });
}

/** Locks one person's replica row, so their claims are assessed one at a time (the yearly cap). */
export async function lockDeclarant(tx: Tx, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT account_id FROM hours.professional_replica WHERE account_id = ${accountId}::uuid FOR UPDATE`;
}

/** Inserts a declaration with its attachments' metadata; returns it loaded (form, files, history). */
export async function insertDeclaration(
  tx: Tx,
  data: Prisma.DeclarationUncheckedCreateInput,
  files: readonly Omit<Prisma.AttachmentCreateManyInput, "declarationId" | "uploadedBy">[],
) {
  const d = await tx.declaration.create({ data });
  await tx.attachment.createMany({ data: files.map((f) => ({ ...f, declarationId: d.id, uploadedBy: data.declaredBy })) });
  return tx.declaration.findUniqueOrThrow({ where: { id: d.id }, include: withForm });
}

/** Sets a declaration's status (no handler left); returns it loaded. */
export function setStatus(tx: Tx, id: string, status: DeclarationStatus) {
  return tx.declaration.update({ where: { id }, data: { status, currentHandlerId: null, updatedAt: new Date() }, include: withForm });
}

/** Locks a declaration row for a state change; two deciders at once get one each, in turn. */
export async function lockDeclaration(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM hours.declaration WHERE id = ${id}::uuid FOR UPDATE`;
}

export { withForm };

/** The replicas of `ids` within `scopePath` (ids outside it or unknown are missing), in id order. */
export function declarantsIn(db: Db, ids: readonly string[], scopePath: string) {
  return db.professionalReplica.findMany({ where: { accountId: { in: [...ids] }, unitPath: prefixFilter(scopePath) }, orderBy: { accountId: "asc" } });
}

/** Which of `professionalIds` already have a counting declaration of this class (学习形式, 年度, 培训班名称, 开始时间). */
export async function sameClassDeclared(
  db: Db | Tx,
  professionalIds: readonly string[],
  cls: { formId: string; year: number; className: string; startDate: Date },
): Promise<Set<string>> {
  const rows = await db.declaration.findMany({
    where: {
      professionalId: { in: [...professionalIds] },
      year: cls.year,
      className: cls.className,
      startDate: cls.startDate,
      status: { in: COUNTING },
      formVersion: { formId: cls.formId },
    },
    select: { professionalId: true },
  });
  return new Set(rows.map((r) => r.professionalId));
}
