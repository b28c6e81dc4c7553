import { randomUUID } from "node:crypto";
import {
  type DepartmentOption,
  DomainError,
  type IdType,
  type RegisterEmployerInput,
  type RegisterProfessionalInput,
  type RegistrationResult,
  type SearchUnitsInput,
  type UnitOption,
} from "@ce/contracts";
import { containsFilter, type EventMeta } from "@ce/service-kit";
import type { z } from "zod";
import { checkCaptcha } from "../auth/captcha.ts";
import { hit } from "../auth/rate-limit.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { withinLimit } from "../domain/lockout.ts";
import { checkChosenDepartment, checkChosenUnit, professionalUnitKinds, registrationLimit } from "../domain/registration.ts";
import { publishProfessional } from "../events/professionals.ts";
import { sendInBackground } from "../mail/mailer.ts";
import { hashPassword } from "../security/passwords.ts";
import { createUnit } from "../use-cases/units/write.ts";
import { createAccount, createAdmin, type NewAccount } from "./accounts.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";

type ProfessionalForm = z.output<typeof RegisterProfessionalInput>;
type EmployerForm = z.output<typeof RegisterEmployerInput>;

/** Rate limit per address first (a flood spends no captcha), then the single-use captcha. */
async function guard(deps: IdentityDeps, clientIp: string | null, captcha: { captchaId: string; captchaAnswer: string }): Promise<void> {
  if (!withinLimit(await hit(deps.redis, `register-rate:${clientIp ?? "unknown"}`, registrationLimit.windowS), registrationLimit)) {
    throw new DomainError("TOO_MANY_REQUESTS", "注册过于频繁，请稍后再试");
  }
  await checkCaptcha(deps.redis, captcha.captchaId, captcha.captchaAnswer);
}

/** Raised inside a registration transaction to roll it back when the ID number is taken. */
class AlreadyRegistered extends Error {
  constructor(readonly owner: { id: string; name: string; email: string | null }) {
    super("already registered");
  }
}

/**
 * The account of a registration, or AlreadyRegistered when the ID number has one — checked only
 * after every other field of the form, so that a taken number answers exactly like a free one.
 */
async function newAccountOrTaken(tx: Tx, deps: IdentityDeps, input: NewAccount): Promise<{ id: string }> {
  const idNumberHash = deps.pii.blindIndex(input.idType, input.idNumber);
  const owner = await tx.account.findUnique({
    where: { idType_idNumberHash: { idType: input.idType, idNumberHash } },
    select: { id: true, name: true, email: true },
  });
  if (owner) throw new AlreadyRegistered(owner);
  return createAccount(tx, deps.pii, input);
}

// One mail per owner and hour however often the number is tried.
const OWNER_NOTICE_S = 3600;

/**
 * Runs a registration; when its ID number is already registered, nothing is written, the owner
 * is told through their own e-mail address, and the caller gets a receipt like any other (ids
 * that name nothing), so registration is no oracle for "is this ID number registered"
 * (docs/decisions/011). A concurrent registration of the same number ends the same way.
 */
async function registerNeutrally(
  deps: IdentityDeps,
  what: string,
  idType: IdType,
  idNumber: string,
  unitId: string | null,
  run: () => Promise<RegistrationResult>,
): Promise<RegistrationResult> {
  try {
    return await run();
  } catch (e) {
    let owner = e instanceof AlreadyRegistered ? e.owner : null;
    if (!owner && e instanceof DomainError && e.kind === "CONFLICT" && e.field === "idNumber") {
      owner = await deps.db.account.findUnique({
        where: { idType_idNumberHash: { idType, idNumberHash: deps.pii.blindIndex(idType, idNumber) } },
        select: { id: true, name: true, email: true },
      });
    }
    if (!owner) throw e;
    await noticeOwner(deps, owner, what);
    return { accountId: randomUUID(), unitId: unitId ?? randomUUID() };
  }
}

async function noticeOwner(deps: IdentityDeps, owner: { id: string; name: string; email: string | null }, what: string): Promise<void> {
  deps.log.info({ accountId: owner.id, what }, "registration with a registered ID number: owner notified, nothing written");
  if (!owner.email) return;
  if ((await deps.redis.set(`register-notice:${owner.id}`, "1", "EX", OWNER_NOTICE_S, "NX")) !== "OK") return;
  sendInBackground(
    deps.mailer,
    {
      to: owner.email,
      subject: "注册提醒 - 专业技术人员继续教育公共服务平台",
      body: `${owner.name}，您好：

有人使用您的证件号在本平台提交了${what}申请。您的证件号已注册，该申请未被受理，您的账户没有任何变化。
如果是您本人，请直接登录；忘记密码可使用登录页的“忘记登录密码”。如果不是您本人，请忽略本邮件。`,
      link: null,
    },
    deps.log,
  );
}

/** 专业技术人员注册 → Account + Professional PENDING + professional.registered, in one transaction. */
export async function registerProfessional(
  deps: IdentityDeps,
  input: ProfessionalForm,
  actor: AuditActor,
  meta: EventMeta,
  clientIp: string | null,
): Promise<RegistrationResult> {
  await guard(deps, clientIp, input);
  const idNumber = validateIdNumber(input.idType, input.idNumber);
  const passwordHash = await hashPassword(input.password);
  const result = await registerNeutrally(deps, "专业技术人员注册", input.idType, idNumber, input.unitId, () =>
    deps.db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, kind: true, status: true } });
      checkChosenUnit(unit, professionalUnitKinds, "unitId", "所在单位");
      if (input.departmentId)
        checkChosenDepartment(await tx.department.findUnique({ where: { id: input.departmentId }, select: { unitId: true, status: true } }), input.unitId);
      const account = await newAccountOrTaken(tx, deps, {
        idType: input.idType,
        idNumber,
        name: input.name,
        phone: input.phone,
        email: input.email,
        passwordHash,
        unitId: input.unitId,
      });
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
      await recordAudit(
        tx,
        { ...actor, accountId: actor.accountId ?? account.id, name: actor.name ?? input.name },
        {
          action: "professional.register",
          entityType: "professional",
          entityId: account.id,
          unitId: input.unitId,
          after: { name: input.name, status: "PENDING", ...profile },
        },
      );
      await publishProfessional(tx, "professionalRegistered", account.id, meta);
      return { accountId: account.id, unitId: input.unitId };
    }),
  );
  deps.nudgeOutbox();
  return result;
}

/** 用人单位注册 → Unit PENDING (unit.created) + its first account as super admin. */
export async function registerEmployer(
  deps: IdentityDeps,
  input: EmployerForm,
  actor: AuditActor,
  meta: EventMeta,
  clientIp: string | null,
): Promise<RegistrationResult> {
  await guard(deps, clientIp, input);
  const idNumber = validateIdNumber(input.idType, input.idNumber);
  const passwordHash = await hashPassword(input.password);
  const result = await registerNeutrally(deps, "用人单位注册", input.idType, idNumber, null, () =>
    deps.db.$transaction(async (tx) => {
      checkChosenUnit(
        await tx.unit.findUnique({ where: { id: input.superiorId }, select: { kind: true, status: true } }),
        ["AUTHORITY"],
        "superiorId",
        "上级主管部门",
      );
      const unit = await createUnit(
        tx,
        {
          name: input.unitName,
          kind: "EMPLOYER",
          nature: input.nature,
          industry: input.industry,
          region: input.region,
          code: input.code,
          codeConfirmed: input.codeConfirmed,
          superiorId: input.superiorId,
          status: "PENDING",
          trainingLevel: null,
        },
        meta,
      );
      const account = await newAccountOrTaken(tx, deps, {
        idType: input.idType,
        idNumber,
        name: input.name,
        phone: input.phone,
        email: input.email,
        passwordHash,
        unitId: unit.unitId,
      });
      await createAdmin(tx, { accountId: account.id, unitId: unit.unitId, isSuper: true });
      await recordAudit(
        tx,
        { ...actor, accountId: actor.accountId ?? account.id, name: actor.name ?? input.name },
        {
          action: "unit.register",
          entityType: "unit",
          entityId: unit.unitId,
          unitId: unit.unitId,
          after: {
            name: unit.name,
            nature: unit.nature,
            industry: unit.industry,
            region: unit.region,
            code: unit.code,
            superiorId: unit.superiorId,
            status: unit.status,
            adminAccountId: account.id,
          },
        },
      );
      return { accountId: account.id, unitId: unit.unitId };
    }),
  );
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
