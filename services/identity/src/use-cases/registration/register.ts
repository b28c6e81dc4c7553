import { randomUUID } from "node:crypto";
import { DomainError, type IdType, type Principal, type RegistrationResult } from "@ce/contracts";
import { checkCaptcha } from "../../auth/captcha.ts";
import { hit } from "../../auth/rate-limit.ts";
import { createAccount, replaceAccount } from "../../db/accounts.ts";
import { type AuditActor, auditActor } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import { type AccountOwner, accountOwner, lockAccount } from "../../db/registration.ts";
import type { IdentityDeps } from "../../deps.ts";
import { validateIdNumber } from "../../domain/id-number.ts";
import { withinLimit } from "../../domain/lockout.ts";
import { type RegistrationKind, type RejectedRegistration, registrationLabels, registrationLimit } from "../../domain/registration.ts";
import { sendInBackground } from "../../mail/mailer.ts";
import { hashPassword } from "../../security/passwords.ts";
import { blindIndexesOfNumber } from "../../security/pii.ts";

/** Who registers: anyone (principal null unless signed in), from an address that is rate-limited. */
export interface Visitor {
  principal: Principal | null;
  requestId: string;
  clientIp: string | null;
}

/** The fields both registration forms share: the applicant's own account and the captcha. */
export interface ApplicantForm {
  idType: IdType;
  idNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

/** The applicant's account as register() leaves it: new, or a rejected registration's account taken over. */
export interface ApplicantAccount {
  id: string;
  /** The rejected registration of the same kind this one replaces (its account keeps its id), or null for a new account. */
  replaces: (RejectedRegistration & { name: string }) | null;
}

/** What a registration's writes get from register(): the applicant's account and audit actor. */
export interface Applicant {
  /**
   * Creates the applicant's account in `unitId`, or takes over the account of the same ID number
   * whose own registration of this kind was rejected (`replaces`: the write replaces that
   * registration's profile or unit); AlreadyRegistered (handled by register) for any other holder.
   */
  createAccount(unitId: string): Promise<ApplicantAccount>;
  /** The audit actor: the caller if signed in, else the new account under the applicant's name. */
  actor(accountId: string): AuditActor;
}

// One mail per owner and hour however often the number is tried.
const OWNER_NOTICE_S = 3600;

/** Raised inside a registration transaction to roll it back when the ID number is taken. */
class AlreadyRegistered extends Error {
  constructor(readonly owner: AccountOwner) {
    super("already registered");
  }
}

/**
 * Runs a self-registration (专业技术人员注册, 用人单位注册: `kind`; named so in the owner's mail):
 * the address's rate limit first (a flood spends no captcha; TOO_MANY_REQUESTS), the single-use
 * captcha, the ID number (domain validateIdNumber), then `write` in one transaction, then the
 * outbox nudge. When the ID number is already registered — found by the account check, which
 * `write` reaches only after every other field of the form, or by the unique index in a concurrent
 * registration — nothing is written, the owner is told through their own e-mail address, and the
 * caller gets a receipt like any other (ids that name nothing; `unitId` when the form chose one),
 * so registration is no oracle for "is this ID number registered" (docs/decisions/011).
 * An ID number whose account holds only a rejected registration of the same kind (驳回 / 不通过:
 * domain rejectedRegistration) is not taken: the new registration replaces the rejected one on the
 * same account (locked, so two replacements queue) and goes to 待审核 again — never a second account.
 */
export async function register(
  deps: IdentityDeps,
  visitor: Visitor,
  form: ApplicantForm,
  kind: RegistrationKind,
  unitId: string | null,
  write: (tx: Tx, applicant: Applicant) => Promise<RegistrationResult>,
): Promise<RegistrationResult> {
  if (!withinLimit(await hit(deps.redis, `register-rate:${visitor.clientIp ?? "unknown"}`, registrationLimit.windowS), registrationLimit)) {
    throw new DomainError("TOO_MANY_REQUESTS", "注册过于频繁，请稍后再试");
  }
  await checkCaptcha(deps.redis, form.captchaId, form.captchaAnswer);
  const idNumber = validateIdNumber(form.idType, form.idNumber);
  const passwordHash = await hashPassword(form.password);
  // Taken under any 证件类型: one number is one person.
  const idNumberHashes = blindIndexesOfNumber(deps.pii, idNumber);
  const actor = auditActor(visitor);
  // The owner of the rejected registration this one replaced, once committed: told at their old address.
  let replaced: AccountOwner | null = null;
  const result = await deps.db
    .$transaction((tx) =>
      write(tx, {
        async createAccount(accountUnitId) {
          const { name, phone, email } = form;
          const account = { idType: form.idType, idNumber, name, phone, email, passwordHash, unitId: accountUnitId };
          let owner = await accountOwner(tx, idNumberHashes);
          if (owner?.rejected?.kind === kind) {
            await lockAccount(tx, owner.id);
            owner = await accountOwner(tx, idNumberHashes);
          }
          if (!owner) return { ...(await createAccount(tx, deps.pii, account)), replaces: null };
          if (owner.rejected?.kind !== kind) throw new AlreadyRegistered(owner);
          replaced = owner;
          return { ...(await replaceAccount(tx, deps.pii, owner.id, account)), replaces: { ...owner.rejected, name: owner.name } };
        },
        actor: (accountId) => ({ ...actor, accountId: actor.accountId ?? accountId, name: actor.name ?? form.name }),
      }),
    )
    .catch(async (e: unknown): Promise<RegistrationResult> => {
      let owner = e instanceof AlreadyRegistered ? e.owner : null;
      if (!owner && e instanceof DomainError && e.kind === "CONFLICT" && e.field === "idNumber") owner = await accountOwner(deps.db, idNumberHashes);
      if (!owner) throw e;
      await noticeOwner(deps, owner, registrationLabels[kind]);
      return { accountId: randomUUID(), unitId: unitId ?? randomUUID() };
    });
  deps.nudgeOutbox();
  if (replaced) noticeReplaced(deps, replaced, form.email, kind);
  return result;
}

/** What the owner's notice tells them to do instead: sign in, or re-register the kind that was rejected. */
function ownerAdvice(owner: AccountOwner): string {
  if (!owner.rejected) return "如果是您本人，请直接登录；忘记密码可使用登录页的“忘记登录密码”。";
  return `您此前提交的${registrationLabels[owner.rejected.kind]}申请未通过审核，登录时可查看原因；如果是您本人，请通过“${registrationLabels[owner.rejected.kind]}”修改信息后重新注册。`;
}

/**
 * Tells the owner of a rejected registration at its old e-mail address that a new registration with
 * their ID number replaced it — unless the new one gives the same address (the applicant's own receipt is the page).
 */
function noticeReplaced(deps: IdentityDeps, owner: AccountOwner, newEmail: string | null, kind: RegistrationKind): void {
  if (!owner.email || owner.email === newEmail) return;
  sendInBackground(
    deps.mailer,
    {
      to: owner.email,
      subject: "注册提醒 - 专业技术人员继续教育公共服务平台",
      body: `${owner.name}，您好：

有人使用您的证件号在本平台重新提交了${registrationLabels[kind]}申请，替换了您此前未通过审核的注册申请，新的申请正在等待审核。
如果不是您本人，请尽快联系所在单位或上级主管部门。`,
      link: null,
    },
    deps.log,
  );
}

async function noticeOwner(deps: IdentityDeps, owner: AccountOwner, what: string): Promise<void> {
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
${ownerAdvice(owner)}如果不是您本人，请忽略本邮件。`,
      link: null,
    },
    deps.log,
  );
}
