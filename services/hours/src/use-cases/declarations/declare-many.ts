import { randomUUID } from "node:crypto";
import { type BatchOutcome, calendarDate, type DeclareManyInput, DomainError, hoursEvents, toDateColumn } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import { declarantsIn, insertDeclaration, lockDeclarant, sameClassDeclared, usedHoursThisYear } from "../../db/declarations.ts";
import { activeForm } from "../../db/forms.ts";
import { unitsOnPath } from "../../db/units.ts";
import type { HoursDeps } from "../../deps.ts";
import { approvalChain } from "../../domain/approval-chain.ts";
import { assessDeclaration } from "../../domain/declaration.ts";
import { recordAudit } from "../../events/audit.ts";
import { declarationEvent } from "../../events/hours.ts";
import { prepareAttachments } from "../../storage/attachments.ts";
import { type Caller, declareScope } from "../caller.ts";
import { newDeclaration } from "./declare.ts";

/** Why a person of the batch is skipped: this class is already declared for them (pending or granted). */
export const ALREADY_DECLARED = "已申报过该培训班";

/**
 * 学时申报 for many people (issue 13.5: a 继续教育基地 declares a class for the people it trained)
 * under the batch contract (@ce/contracts batch.ts): one class — 学习形式, fields, files — and one
 * declaration per person, each routed into the approval chain of the person's own unit. Whom: the
 * approved people of declareScope (a CE base: the province). In one transaction, the people locked
 * in id order: an id unknown or outside the scope refuses the whole batch (DomainError NOT_FOUND on
 * `professionalIds`), so does a person not approved (PRECONDITION_FAILED naming them) or a claim the
 * form refuses for one of them (its field's BAD_REQUEST, the message prefixed with the name);
 * a person who already has this class (same form, 年度, 培训班名称, 开始时间) is skipped (已申报过该培训班).
 * Each declaration gets its own copy of the files, its declaration.submitted event and an audit
 * entry `declaration.declareFor` (in the declaring unit's 操作日志). Returns the BatchOutcome
 * (labels: the people's names). FORBIDDEN for a professional and for an admin without hours.declare.
 */
export async function declareMany(deps: HoursDeps, caller: Caller, input: DeclareManyInput): Promise<BatchOutcome> {
  const { db } = deps;
  const p = caller.principal;
  const scope = declareScope(p);
  if (!("scopePath" in scope) || !p.unitId) throw new DomainError("FORBIDDEN", "只能为本人申报学时", "professionalIds");
  const { professionalIds: ids, attachments, ...cls } = input;

  const people = await declarantsIn(db, ids, scope.scopePath);
  if (people.length !== ids.length) throw new DomainError("NOT_FOUND", "申请人不存在或不在您的管理范围内", "professionalIds");
  const unapproved = people.filter((x) => x.status !== "APPROVED").map((x) => x.name);
  if (unapproved.length > 0) throw new DomainError("PRECONDITION_FAILED", `${unapproved.join("、")}的注册信息尚未审核通过`, "professionalIds");

  const now = deps.now();
  const form = await activeForm(db, cls.formCode, calendarDate(now));
  if (!form) throw new DomainError("BAD_REQUEST", "请选择学习形式", "formCode");
  const sameClass = { formId: form.formId, year: cls.year, className: cls.className, startDate: toDateColumn(cls.startDate) };
  const assessFor = (name: string, usedThisYear: number) => {
    try {
      return assessDeclaration(form, cls, { today: now, yearsBack: deps.yearsBack, usedThisYear });
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.kind, `${name}：${e.message}`, e.field);
      throw e;
    }
  };

  const declared = await sameClassDeclared(db, ids, sameClass);
  const plans: { person: (typeof people)[number]; chain: { id: string; name: string }[]; stepIndex: number }[] = [];
  for (const person of people.filter((x) => !declared.has(x.accountId))) {
    const chain = approvalChain(person.unitPath, await unitsOnPath(db, person.unitPath)).map((u) => ({ id: u.id, name: u.name }));
    if (chain.length === 0) throw new DomainError("PRECONDITION_FAILED", `未找到${person.name}所在单位的审批单位`, "professionalIds");
    // The declaring unit has checked the claim itself; it does not review its own declaration again.
    const stepIndex = chain.length > 1 && chain[0]?.id === p.unitId ? 1 : 0;
    assessFor(person.name, await usedHoursThisYear(db, person.accountId, form.formId, cls.year));
    plans.push({ person, chain, stepIndex });
  }

  // Decoded once; each declaration stores its own copy (attachment rows and blobs are one to one).
  const files = await prepareAttachments(attachments);
  const copies = plans.flatMap(() => files.map((f) => ({ ...f, id: randomUUID() })));
  const meta = eventMeta(caller);
  const outcome = await deps.attachments.commitWith(copies, (rows) =>
    db.$transaction(
      async (tx) => {
        const done: { id: string; label: string }[] = [];
        const skipped = people.filter((x) => declared.has(x.accountId)).map((x) => x.accountId);
        for (const [i, { person, chain, stepIndex }] of plans.entries()) {
          await lockDeclarant(tx, person.accountId);
          // Declared meanwhile (another admin, a repeated request): skipped, its copies swept as orphans.
          if ((await sameClassDeclared(tx, [person.accountId], sameClass)).size > 0) {
            skipped.push(person.accountId);
            continue;
          }
          const computed = assessFor(person.name, await usedHoursThisYear(tx, person.accountId, form.formId, cls.year));
          const ownFiles = rows.slice(i * files.length, (i + 1) * files.length);
          const d = await insertDeclaration(tx, newDeclaration(p, cls, { person, formVersionId: form.versionId, computed, chain, stepIndex }), ownFiles);
          await declarationEvent(tx, hoursEvents.declarationSubmitted, d, meta);
          await recordAudit(tx, caller, {
            action: "declaration.declareFor",
            entityType: "declaration",
            entityId: d.id,
            unitId: p.unitId,
            after: {
              name: person.name,
              form: form.name,
              year: cls.year,
              subject: cls.subject,
              requestedHours: cls.requestedHours,
              trainer: p.unitName,
              status: "PENDING",
            },
          });
          done.push({ id: person.accountId, label: person.name });
        }
        const named = new Map(people.map((x) => [x.accountId, x.name]));
        return {
          decided: done,
          skipped: skipped.map((id) => ({ id, label: named.get(id) ?? "", reason: "ALREADY_DECIDED" as const, message: ALREADY_DECLARED })),
        };
      },
      { timeout: 60_000 },
    ),
  );
  deps.nudgeOutbox();
  return outcome;
}
