import { DomainError, RegisterEmployerInput, RegisterProfessionalInput, SearchUnitsInput, type DepartmentOption, type RegistrationResult, type UnitOption } from "@ce/contracts";
import { containsFilter, type EventMeta } from "@ce/service-kit";
import type { z } from "zod";
import { checkCaptcha } from "../auth/captcha.ts";
import { hit } from "../auth/rate-limit.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { withinLimit } from "../domain/lockout.ts";
import { checkChosenDepartment, checkChosenUnit, professionalUnitKinds, registrationLimit } from "../domain/registration.ts";
import { publishProfessional } from "../events/professionals.ts";
import { hashPassword } from "../security/passwords.ts";
import { createAccount, createAdmin } from "./accounts.ts";
import { recordAudit, type AuditActor } from "./audit.ts";
import type { Db } from "./client.ts";
import { createUnit } from "./units.ts";

type ProfessionalForm = z.output<typeof RegisterProfessionalInput>;
type EmployerForm = z.output<typeof RegisterEmployerInput>;

/** Rate limit per address first (a flood spends no captcha), then the single-use captcha. */
async function guard(deps: IdentityDeps, clientIp: string | null, captcha: { captchaId: string; captchaAnswer: string }): Promise<void> {
  if (!withinLimit(await hit(deps.redis, `register-rate:${clientIp ?? "unknown"}`, registrationLimit.windowS), registrationLimit)) {
    throw new DomainError("TOO_MANY_REQUESTS", "注册过于频繁，请稍后再试");
  }
  await checkCaptcha(deps.redis, captcha.captchaId, captcha.captchaAnswer);
}

/** 专业技术人员注册 → Account + Professional PENDING + professional.registered, in one transaction. */
export async function registerProfessional(deps: IdentityDeps, input: ProfessionalForm, actor: AuditActor, meta: EventMeta, clientIp: string | null): Promise<RegistrationResult> {
  await guard(deps, clientIp, input);
  const idNumber = validateIdNumber(input.idType, input.idNumber);
  const passwordHash = await hashPassword(input.password);
  const result = await deps.db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, kind: true, status: true } });
    checkChosenUnit(unit, professionalUnitKinds, "unitId", "所在单位");
    if (input.departmentId) checkChosenDepartment(await tx.department.findUnique({ where: { id: input.departmentId }, select: { unitId: true, status: true } }), input.unitId);
    const account = await createAccount(tx, deps.pii, { idType: input.idType, idNumber, name: input.name, phone: input.phone, email: input.email, passwordHash, unitId: input.unitId });
    const profile = {
      education: input.education,
      titleSeries: input.titleSeries,
      titleLevel: input.titleLevel,
      qualification: input.qualification,
      major: input.major,
      certificateNo: input.certificateNo,
      departmentId: input.departmentId ?? null,
    };
    await tx.professional.create({ data: { accountId: account.id, unitId: input.unitId, status: "PENDING", ...profile } });
    await recordAudit(tx, { ...actor, accountId: actor.accountId ?? account.id, name: actor.name ?? input.name }, {
      action: "professional.register",
      entityType: "professional",
      entityId: account.id,
      unitId: input.unitId,
      after: { name: input.name, status: "PENDING", ...profile },
    });
    await publishProfessional(tx, "professionalRegistered", account.id, meta);
    return { accountId: account.id, unitId: input.unitId };
  });
  deps.nudgeOutbox();
  return result;
}

/** 用人单位注册 → Unit PENDING (unit.created) + its first account as super admin. */
export async function registerEmployer(deps: IdentityDeps, input: EmployerForm, actor: AuditActor, meta: EventMeta, clientIp: string | null): Promise<RegistrationResult> {
  await guard(deps, clientIp, input);
  const idNumber = validateIdNumber(input.idType, input.idNumber);
  const passwordHash = await hashPassword(input.password);
  const result = await deps.db.$transaction(async (tx) => {
    checkChosenUnit(await tx.unit.findUnique({ where: { id: input.superiorId }, select: { kind: true, status: true } }), ["AUTHORITY"], "superiorId", "上级主管部门");
    const unit = await createUnit(
      tx,
      { name: input.unitName, kind: "EMPLOYER", nature: input.nature, industry: input.industry, region: input.region, code: input.code, codeConfirmed: input.codeConfirmed, superiorId: input.superiorId, status: "PENDING", trainingLevel: null },
      meta,
    );
    const account = await createAccount(tx, deps.pii, { idType: input.idType, idNumber, name: input.name, phone: input.phone, email: input.email, passwordHash, unitId: unit.unitId });
    await createAdmin(tx, { accountId: account.id, unitId: unit.unitId, isSuper: true });
    await recordAudit(tx, { ...actor, accountId: actor.accountId ?? account.id, name: actor.name ?? input.name }, {
      action: "unit.register",
      entityType: "unit",
      entityId: unit.unitId,
      unitId: unit.unitId,
      after: { name: unit.name, nature: unit.nature, industry: unit.industry, region: unit.region, code: unit.code, superiorId: unit.superiorId, status: unit.status, adminAccountId: account.id },
    });
    return { accountId: account.id, unitId: unit.unitId };
  });
  deps.nudgeOutbox();
  return result;
}

/** The public unit picker: approved units only, name and id only. */
export async function searchUnits(db: Db, input: z.output<typeof SearchUnitsInput>): Promise<UnitOption[]> {
  return db.unit.findMany({
    where: { status: "APPROVED", kind: { in: input.kinds }, ...(input.name ? { name: containsFilter(input.name) } : {}) },
    select: { id: true, name: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
    take: input.limit,
  });
}

/** 工作部门 choices of an approved unit (active departments, tree order). */
export async function publicDepartments(db: Db, unitId: string): Promise<DepartmentOption[]> {
  return db.department.findMany({
    where: { unitId, status: "ACTIVE", unit: { status: "APPROVED" } },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}
