import { randomUUID } from "node:crypto";
import {
  calendarDate,
  DeclarableProfessional,
  DeclarationDetail,
  DeclarationIdInput,
  DeclarationRow,
  DeclarationYears,
  DeclareInput,
  DomainError,
  hoursEvents,
  ListRecordsInput,
  type Permission,
  type Principal,
  pageOf,
  SearchText,
  toDateColumn,
} from "@ce/contracts";
import { authedProcedure, type EventMeta, permittedProcedure, prefixFilter, router } from "@ce/service-kit";
import { z } from "zod";
import {
  declarableProfessionals,
  findDeclaration,
  listRecords,
  lockDeclaration,
  type RecordsScope,
  toDetail,
  usedHoursThisYear,
  withForm,
} from "../db/declarations.ts";
import { activeForm } from "../db/forms.ts";
import { unitsOnPath } from "../db/units.ts";
import type { HoursDeps } from "../deps.ts";
import { approvalChain } from "../domain/approval-chain.ts";
import { allowedYears, assessDeclaration } from "../domain/declaration.ts";
import { declarationEvent } from "../events/hours.ts";
import { prepareAttachments } from "../storage/attachments.ts";

const isProfessional = (p: Principal) => p.userType === "PROFESSIONAL";

/** A professional sees their own declarations; an admin holding one of `permissions` sees their unit subtree's. */
export function recordsScope(p: Principal, ...permissions: Permission[]): RecordsScope {
  if (isProfessional(p)) return { professionalId: p.accountId };
  if (!permissions.some((x) => p.permissions.includes(x))) throw new DomainError("FORBIDDEN", "您没有权限进行此操作");
  if (!p.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可管理的人员");
  return { scopePath: p.scopePath };
}

/** Who may open a declaration of their subtree: its records page, its reviewers and its auditors. */
export const VIEWERS: Permission[] = ["hours.records", "hours.approve", "hours.audit"];

const metaOf = (p: Principal, requestId: string): EventMeta => ({ actor: { accountId: p.accountId, unitId: p.unitId }, correlationId: requestId });

/** 学时申报 (§3.4) and 查看申报记录 (§3.5). */
export function declarationsRouter(deps: HoursDeps) {
  const { db } = deps;
  return router({
    /** 选择申请人 › 添加人员: approved professionals of the caller's unit subtree. */
    declarables: permittedProcedure("hours.declare")
      .input(z.object({ name: SearchText("姓名") }))
      .output(z.array(DeclarableProfessional))
      .query(({ ctx, input }) => {
        if (!ctx.principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可管理的人员");
        return declarableProfessionals(db, ctx.principal.scopePath, input.name || undefined);
      }),

    /** 计入年度 choices, newest first. */
    years: authedProcedure.output(DeclarationYears).query(() => allowedYears(deps.now(), deps.yearsBack)),

    /** 提交申报: by an admin for a person of their subtree, or by a professional for themself. */
    declare: authedProcedure
      .input(DeclareInput)
      .output(DeclarationDetail)
      .mutation(async ({ ctx, input }) => {
        const p = ctx.principal;
        const scope = recordsScope(p, "hours.declare");
        if ("professionalId" in scope && input.professionalId !== p.accountId) {
          throw new DomainError("FORBIDDEN", "只能为本人申报学时", "professionalId");
        }
        const person = await db.professionalReplica.findFirst({
          where: { accountId: input.professionalId, ...("scopePath" in scope ? { unitPath: prefixFilter(scope.scopePath) } : {}) },
        });
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
        const today = { today: now, yearsBack: deps.yearsBack, usedThisYear: await usedHoursThisYear(db, person.accountId, form.formId, input.year) };
        assessDeclaration(form, input, today);
        const files = await prepareAttachments(input.attachments);

        // The blobs are written, then the transaction that records them; if it fails they are deleted.
        const created = await deps.attachments.commitWith(files, (rows) =>
          db.$transaction(async (tx) => {
            // One person's claims are assessed one at a time, so two at once cannot both use the yearly cap.
            await tx.$queryRaw`SELECT account_id FROM hours.professional_replica WHERE account_id = ${person.accountId}::uuid FOR UPDATE`;
            const used = await usedHoursThisYear(tx, person.accountId, form.formId, input.year);
            const computed = assessDeclaration(form, input, { today: now, yearsBack: deps.yearsBack, usedThisYear: used });
            const d = await tx.declaration.create({
              data: {
                id: randomUUID(),
                professionalId: person.accountId,
                professionalName: person.name,
                unitId: person.unitId,
                unitPath: person.unitPath,
                year: input.year,
                formVersionId: form.versionId,
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
                status: "PENDING",
                declaredBy: p.accountId,
                declaredByUnit: isProfessional(p) ? null : p.unitId,
              },
              include: withForm,
            });
            await tx.attachment.createMany({ data: rows.map((f) => ({ ...f, declarationId: d.id, uploadedBy: p.accountId })) });
            const withFiles = await tx.declaration.findUniqueOrThrow({ where: { id: d.id }, include: withForm });
            await declarationEvent(tx, hoursEvents.declarationSubmitted, d, metaOf(p, ctx.requestId));
            return withFiles;
          }),
        );
        deps.nudgeOutbox();
        return toDetail(created);
      }),

    /** A professional takes back their own pending declaration. */
    withdraw: authedProcedure
      .input(DeclarationIdInput)
      .output(DeclarationDetail)
      .mutation(async ({ ctx, input }) => {
        const p = ctx.principal;
        if (!isProfessional(p)) throw new DomainError("FORBIDDEN", "只有申报本人可以撤回申报");
        const withdrawn = await db.$transaction(async (tx) => {
          await lockDeclaration(tx, input.declarationId);
          const d = await findDeclaration(tx, { professionalId: p.accountId }, input.declarationId);
          if (!d) throw new DomainError("NOT_FOUND", "申报记录不存在");
          if (d.status !== "PENDING") throw new DomainError("CONFLICT", "该申报已处理，不能撤回");
          const updated = await tx.declaration.update({
            where: { id: d.id },
            data: { status: "WITHDRAWN", currentHandlerId: null, updatedAt: new Date() },
            include: withForm,
          });
          await declarationEvent(tx, hoursEvents.declarationWithdrawn, updated, metaOf(p, ctx.requestId));
          return updated;
        });
        deps.nudgeOutbox();
        return toDetail(withdrawn);
      }),

    /** 查看申报记录: tabs 全部 / 待审核 / 审核通过 / 审核不通过. */
    records: authedProcedure
      .input(ListRecordsInput)
      .output(pageOf(DeclarationRow))
      .query(({ ctx, input }) => listRecords(db, recordsScope(ctx.principal, ...VIEWERS), input)),

    /** 详细: one declaration the caller may see. */
    get: authedProcedure
      .input(DeclarationIdInput)
      .output(DeclarationDetail)
      .query(async ({ ctx, input }) => {
        const d = await findDeclaration(db, recordsScope(ctx.principal, ...VIEWERS), input.declarationId);
        if (!d) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
        return toDetail(d);
      }),
  });
}
