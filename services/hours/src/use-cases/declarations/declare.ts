import { randomUUID } from "node:crypto";
import { calendarDate, type DeclarationDetail, type DeclareInput, DomainError, hoursEvents, type Principal, toDateColumn } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import { findDeclarant, insertDeclaration, lockDeclarant, toDetail, usedHoursThisYear } from "../../db/declarations.ts";
import { activeForm } from "../../db/forms.ts";
import { unitsOnPath } from "../../db/units.ts";
import type { HoursDeps } from "../../deps.ts";
import { approvalChain } from "../../domain/approval-chain.ts";
import { assessDeclaration } from "../../domain/declaration.ts";
import { declarationEvent } from "../../events/hours.ts";
import { prepareAttachments } from "../../storage/attachments.ts";
import { type Caller, declareScope, isProfessional } from "../caller.ts";

/** The class a declaration records: what DeclareInput and DeclareManyInput share. */
export type DeclaredClass = Omit<DeclareInput, "professionalId" | "attachments">;

/** A new PENDING declaration's row: the person, the class, the assessed hours, the chain and who declared it. */
export function newDeclaration(
  p: Principal,
  input: DeclaredClass,
  at: {
    person: { accountId: string; name: string; unitId: string; unitPath: string };
    formVersionId: string;
    computed: { hours: number; explanation: string };
    chain: { id: string; name: string }[];
    stepIndex: number;
  },
) {
  const { person, computed, chain, stepIndex } = at;
  return {
    id: randomUUID(),
    professionalId: person.accountId,
    professionalName: person.name,
    unitId: person.unitId,
    unitPath: person.unitPath,
    year: input.year,
    formVersionId: at.formVersionId,
    schoolName: input.schoolName,
    className: input.className,
    content: input.content || null,
    startDate: toDateColumn(input.startDate),
    endDate: toDateColumn(input.endDate),
    score: input.score,
    subject: input.subject,
    details: input.details,
    requestedHours: input.requestedHours,
    computedHours: computed.hours,
    explanation: computed.explanation,
    chain,
    stepIndex,
    currentHandlerId: chain[stepIndex]!.id,
    status: "PENDING" as const,
    declaredBy: p.accountId,
    declaredByUnit: isProfessional(p) ? null : p.unitId,
  };
}

/**
 * 提交申报 (§3.4): by an admin holding hours.declare for an approved person of their subtree (a CE
 * base: of the province, declareScope), or by
 * a professional for themself. Builds the approval chain from the person's unit upward (the
 * declaring unit, having checked the claim, skips its own step), assesses the claim by the form
 * in force today (once before decoding the files, again under the person's row lock so two claims
 * at once cannot both use the yearly cap), stores the files, the declaration and its
 * declaration.submitted event in one transaction. Raises DomainError FORBIDDEN / NOT_FOUND /
 * PRECONDITION_FAILED on `professionalId`, BAD_REQUEST on `formCode` and the claim's fields.
 */
export async function declare(deps: HoursDeps, caller: Caller, input: DeclareInput): Promise<DeclarationDetail> {
  const { db } = deps;
  const p = caller.principal;
  const scope = declareScope(p);
  if ("professionalId" in scope && input.professionalId !== p.accountId) {
    throw new DomainError("FORBIDDEN", "只能为本人申报学时", "professionalId");
  }
  const person = await findDeclarant(db, input.professionalId, "scopePath" in scope ? scope.scopePath : undefined);
  if (!person) throw new DomainError("NOT_FOUND", "申请人不存在或不在您的管理范围内", "professionalId");
  if (person.status !== "APPROVED") throw new DomainError("PRECONDITION_FAILED", "申请人的注册信息尚未审核通过", "professionalId");

  const now = deps.now();
  const form = await activeForm(db, input.formCode, calendarDate(now));
  if (!form) throw new DomainError("BAD_REQUEST", "请选择学习形式", "formCode");
  const chain = approvalChain(person.unitPath, await unitsOnPath(db, person.unitPath)).map((u) => ({ id: u.id, name: u.name }));
  if (chain.length === 0) throw new DomainError("PRECONDITION_FAILED", "未找到申请人所在单位的审批单位");
  // The declaring unit has checked the claim itself; it does not review its own declaration again.
  const stepIndex = chain.length > 1 && chain[0]?.id === p.unitId && !isProfessional(p) ? 1 : 0;

  // Assessed once before the files are decoded (so a bad claim costs no decoding), again under the lock.
  const assess = (usedThisYear: number) => assessDeclaration(form, input, { today: now, yearsBack: deps.yearsBack, usedThisYear });
  assess(await usedHoursThisYear(db, person.accountId, form.formId, input.year));
  const files = await prepareAttachments(input.attachments);

  // The blobs are written, then the transaction that records them; if it fails they are deleted.
  const created = await deps.attachments.commitWith(files, (rows) =>
    db.$transaction(async (tx) => {
      await lockDeclarant(tx, person.accountId);
      const computed = assess(await usedHoursThisYear(tx, person.accountId, form.formId, input.year));
      const d = await insertDeclaration(tx, newDeclaration(p, input, { person, formVersionId: form.versionId, computed, chain, stepIndex }), rows);
      await declarationEvent(tx, hoursEvents.declarationSubmitted, d, eventMeta(caller));
      return d;
    }),
  );
  deps.nudgeOutbox();
  return toDetail(db, created);
}
