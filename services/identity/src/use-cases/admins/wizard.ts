import { randomBytes } from "node:crypto";
import { type AdminDraft, type CreateAdminInput, DomainError, IdType, maskIdNumber, type PrepareAdminInput, storedJson } from "@ce/contracts";
import { z } from "zod";
import { assertNotLocked, clearAccountLockout, recordLoginFailure } from "../../auth/throttle.ts";
import { createAccount, createAdmin } from "../../db/accounts.ts";
import { permissionsOfRoles } from "../../db/admins.ts";
import { type AuditActor, recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import type { IdentityDeps } from "../../deps.ts";
import { adminMessages } from "../../domain/admins.ts";
import { assertCanGrant, type Granter } from "../../domain/grants.ts";
import { validateIdNumber } from "../../domain/id-number.ts";
import { lookupByIdNumber } from "../../security/id-lookup.ts";
import { hashPassword, verifyPassword } from "../../security/passwords.ts";
import { blindIndexesOfNumber } from "../../security/pii.ts";
import { checkUnitRefs } from "./target.ts";

const DRAFT_TTL_S = 30 * 60;
const draftKey = (id: string) => `admin-draft:${id}`;

/** What step 1 settled, kept (encrypted: it may hold an ID number and phone) until step 2. */
const StoredDraft = z.object({
  unitId: z.uuid(),
  creatorId: z.uuid(),
  way: z.enum(["PROFESSIONAL", "REGISTER", "EXISTING"]),
  accountId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  summary: z.object({ name: z.string(), idNumberMasked: z.string(), departmentName: z.string().nullable() }),
  register: z
    .object({
      idType: IdType,
      idNumber: z.string(),
      name: z.string(),
      phone: z.string(),
      email: z.string(),
      landline: z.string().nullable(),
      passwordHash: z.string(),
    })
    .nullable(),
});
type StoredDraft = z.infer<typeof StoredDraft>;

interface Caller {
  accountId: string;
  unitId: string;
  granter: Granter;
  clientIp: string | null;
  requestId: string | null;
  /** Who the audit row names. */
  actor: AuditActor;
}

const viewerOf = (c: Caller) => ({ accountId: c.accountId, clientIp: c.clientIp, requestId: c.requestId });

async function departmentName(deps: IdentityDeps, unitId: string, departmentId: string | null | undefined): Promise<string | null> {
  if (!departmentId) return null;
  await deps.db.$transaction((tx) => checkUnitRefs(tx, unitId, { departmentId }));
  return (await deps.db.department.findUnique({ where: { id: departmentId }, select: { name: true } }))?.name ?? null;
}

/**
 * Step 1 of 新增管理员: checks the person for the chosen way and keeps a draft for step 2. Ways
 * (b) and (c) find a person by full ID number: through the rate-limited, logged lookup
 * (security/id-lookup.ts), since their answers tell whether the number is registered.
 */
export async function prepareAdmin(deps: IdentityDeps, caller: Caller, input: PrepareAdminInput): Promise<AdminDraft> {
  const base = { unitId: caller.unitId, creatorId: caller.accountId, register: null };
  let draft: StoredDraft;
  if (input.way === "PROFESSIONAL") {
    const p = await deps.db.professional.findFirst({
      where: { accountId: input.accountId, unitId: caller.unitId, status: "APPROVED", account: { status: "ACTIVE" } },
      select: {
        departmentId: true,
        department: { select: { name: true } },
        account: { select: { name: true, idNumberMasked: true, admin: { select: { id: true } } } },
      },
    });
    if (!p) throw new DomainError("BAD_REQUEST", adminMessages.notCandidate, "accountId");
    if (p.account.admin) throw new DomainError("CONFLICT", adminMessages.alreadyAdmin, "accountId");
    draft = {
      ...base,
      way: "PROFESSIONAL",
      accountId: input.accountId,
      departmentId: p.departmentId,
      summary: { name: p.account.name, idNumberMasked: p.account.idNumberMasked, departmentName: p.department?.name ?? null },
    };
  } else if (input.way === "REGISTER") {
    const idType = input.idType;
    const idNumber = validateIdNumber(idType, input.idNumber);
    // Taken under any 证件类型: one number is one person.
    const idNumberHashes = blindIndexesOfNumber(deps.pii, idNumber);
    const taken = await lookupByIdNumber(deps, viewerOf(caller), "新增管理员：注册成为管理员", () =>
      deps.db.account.findFirst({ where: { idNumberHash: { in: idNumberHashes } }, select: { id: true } }),
    );
    if (taken) throw new DomainError("CONFLICT", adminMessages.registered, "idNumber");
    const dept = await departmentName(deps, caller.unitId, input.departmentId);
    draft = {
      ...base,
      way: "REGISTER",
      accountId: null,
      departmentId: input.departmentId ?? null,
      summary: { name: input.name.trim(), idNumberMasked: maskIdNumber(idNumber), departmentName: dept },
      register: {
        idType,
        idNumber,
        name: input.name.trim(),
        phone: input.phone,
        email: input.email,
        landline: input.landline ?? null,
        passwordHash: await hashPassword(input.password),
      },
    };
  } else {
    const idType = input.idType;
    const idNumber = validateIdNumber(idType, input.idNumber);
    const key = deps.pii.blindIndex(idType, idNumber);
    await assertNotLocked(deps.redis, key, caller.clientIp);
    const account = await lookupByIdNumber(deps, viewerOf(caller), "新增管理员：添加成为管理员", () =>
      deps.db.account.findUnique({
        where: { idType_idNumberHash: { idType, idNumberHash: key } },
        select: { id: true, name: true, email: true, idNumberMasked: true, status: true, passwordHash: true, admin: { select: { id: true } } },
      }),
    );
    if (!account) {
      await verifyPassword(null, input.password); // same time as a wrong password
      throw new DomainError("BAD_REQUEST", adminMessages.notRegistered, "idNumber");
    }
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      // The account owner's password is being guessed: it counts in the login throttle.
      await recordLoginFailure(deps, key, caller.clientIp, account, deps.log);
      throw new DomainError("BAD_REQUEST", adminMessages.wrongPassword, "password");
    }
    await clearAccountLockout(deps.redis, key);
    if (account.status !== "ACTIVE") throw new DomainError("CONFLICT", adminMessages.accountDisabled, "idNumber");
    if (account.admin) throw new DomainError("CONFLICT", adminMessages.alreadyAdmin, "idNumber");
    const dept = await departmentName(deps, caller.unitId, input.departmentId);
    draft = {
      ...base,
      way: "EXISTING",
      accountId: account.id,
      departmentId: input.departmentId ?? null,
      summary: { name: account.name, idNumberMasked: account.idNumberMasked, departmentName: dept },
    };
  }
  const draftId = randomBytes(18).toString("base64url");
  await deps.redis.set(draftKey(draftId), deps.pii.encrypt(JSON.stringify(draft)), "EX", DRAFT_TTL_S);
  return { draftId, way: draft.way, ...draft.summary };
}

async function loadDraft(deps: IdentityDeps, caller: Caller, draftId: string): Promise<StoredDraft> {
  const stored = await deps.redis.get(draftKey(draftId));
  const draft = stored ? storedJson(StoredDraft, deps.pii.decrypt(stored)) : null;
  // Someone else's draft (another unit or admin) is as good as none.
  if (!draft || draft.unitId !== caller.unitId || draft.creatorId !== caller.accountId) {
    throw new DomainError("BAD_REQUEST", adminMessages.draftGone, "draftId");
  }
  return draft;
}

/**
 * Step 2 权限确认 → 创建成功: grants the admin rights with the chosen roles, in one transaction.
 * The creator must hold every module of those roles (FORBIDDEN on roleIds otherwise).
 */
export async function createAdminFromDraft(deps: IdentityDeps, caller: Caller, input: CreateAdminInput): Promise<{ adminId: string; name: string }> {
  const draft = await loadDraft(deps, caller, input.draftId);
  const result = await deps.db.$transaction(async (tx: Tx) => {
    await checkUnitRefs(tx, caller.unitId, { departmentId: draft.departmentId, roleIds: input.roleIds });
    assertCanGrant(caller.granter, await permissionsOfRoles(tx, input.roleIds), "roleIds");
    let accountId = draft.accountId;
    if (draft.register) {
      const r = draft.register;
      const account = await createAccount(tx, deps.pii, {
        idType: r.idType,
        idNumber: r.idNumber,
        name: r.name,
        phone: r.phone,
        email: r.email,
        passwordHash: r.passwordHash,
        // Chosen by the admin who registers the account: its owner picks their own at first sign-in.
        temporaryPassword: true,
        unitId: caller.unitId,
      });
      if (r.landline) await tx.account.update({ where: { id: account.id }, data: { landline: r.landline } });
      accountId = account.id;
    }
    if (!accountId) throw new Error("draft without an account");
    const { id } = await createAdmin(tx, { accountId, unitId: caller.unitId, isSuper: false, roleIds: [...new Set(input.roleIds)] });
    if (draft.departmentId) await tx.admin.update({ where: { id }, data: { departmentId: draft.departmentId } });
    const roles = await tx.role.findMany({ where: { id: { in: input.roleIds } }, select: { name: true }, orderBy: { name: "asc" } });
    await recordAudit(tx, caller.actor, {
      action: "admin.create",
      entityType: "admin",
      entityId: id,
      unitId: caller.unitId,
      after: { name: draft.summary.name, way: draft.way, department: draft.summary.departmentName, roles: roles.map((r) => r.name).join("、") },
    });
    return { adminId: id, name: draft.summary.name };
  });
  await deps.redis.del(draftKey(input.draftId));
  return result;
}
