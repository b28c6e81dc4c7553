import { randomUUID } from "node:crypto";
import type { ProfessionalProfile } from "@ce/contracts";
import { DomainError, type IdType, maskIdNumber, maskPhone, type Permission } from "@ce/contracts";
import type { AdminGrant, ProfessionalGrant } from "../domain/principal.ts";
import type { Pii } from "../security/pii.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";

export interface NewAccount {
  idType: IdType;
  /** Already validated and normalised (domain/id-number.ts). */
  idNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  passwordHash: string;
  unitId: string | null;
  /** The password was chosen by someone else (an admin registering the account): changed at first sign-in. */
  temporaryPassword?: boolean;
}

/** The stored columns of an account's own data: ID number and phone encrypted, lists see only the masks. */
function accountData(pii: Pii, input: NewAccount) {
  return {
    idType: input.idType,
    idNumberHash: pii.blindIndex(input.idType, input.idNumber),
    idNumberEnc: pii.encrypt(input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    name: input.name.trim(),
    phoneEnc: input.phone ? pii.encrypt(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    email: input.email,
    passwordHash: input.passwordHash,
    mustChangePassword: input.temporaryPassword ?? false,
    unitId: input.unitId,
  };
}

/** Stores an account with its ID number and phone encrypted; lists will only ever see the masks. */
export async function createAccount(tx: Tx, pii: Pii, input: NewAccount): Promise<{ id: string }> {
  const id = randomUUID();
  const write = () => tx.account.create({ data: { id, ...accountData(pii, input), status: "ACTIVE" } });
  if (await takenIndex(write, "account_id_type_id_number_hash_key")) throw new DomainError("CONFLICT", "该证件号已注册", "idNumber");
  return { id };
}

/**
 * A new registration over an account whose own registration was rejected (register.ts): the
 * account keeps its id (one account per ID number) and takes the new form's data and password.
 */
export async function replaceAccount(tx: Tx, pii: Pii, accountId: string, input: NewAccount): Promise<{ id: string }> {
  await tx.account.update({ where: { id: accountId }, data: { ...accountData(pii, input), passwordChangedAt: new Date() } });
  return { id: accountId };
}

export async function createRole(tx: Tx, input: { unitId: string; name: string; permissions: Permission[] }): Promise<{ id: string }> {
  const id = randomUUID();
  await tx.role.create({ data: { id, unitId: input.unitId, name: input.name, permissions: input.permissions } });
  return { id };
}

/** Grants admin rights in a unit; the partial unique index refuses a second super admin. */
export async function createAdmin(tx: Tx, input: { accountId: string; unitId: string; isSuper: boolean; roleIds?: string[] }): Promise<{ id: string }> {
  const id = randomUUID();
  const write = () =>
    tx.admin.create({
      data: {
        id,
        accountId: input.accountId,
        unitId: input.unitId,
        isSuper: input.isSuper,
        status: "ACTIVE",
        roles: { create: (input.roleIds ?? []).map((roleId) => ({ roleId })) },
      },
    });
  const taken = await takenIndex(write, "admin_one_super_per_unit", "admin_account_id_key");
  if (taken === "admin_one_super_per_unit") throw new DomainError("CONFLICT", "该单位已有超级管理员");
  if (taken === "admin_account_id_key") throw new DomainError("CONFLICT", "该账户已是管理员", "idNumber");
  return { id };
}

export interface NewProfessional extends ProfessionalProfile {
  accountId: string;
  unitId: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  /** 工作部门, when one was chosen. */
  departmentId?: string | null;
}

/** Stores a professional's profile for an existing account. */
export async function createProfessional(tx: Tx, input: NewProfessional): Promise<void> {
  await tx.professional.create({ data: input });
}

/**
 * Replaces a REJECTED registration's profile with a new registration's (status PENDING again):
 * the review is cleared, 注册时间 is now and the version goes up, so the replicas take the new
 * snapshot of professional.registered. Raises Prisma's not-found error when the account has no profile.
 */
export async function replaceProfessional(tx: Tx, input: NewProfessional): Promise<void> {
  const { accountId, ...profile } = input;
  await tx.professional.update({
    where: { accountId },
    data: { departmentId: null, ...profile, reviewedAt: null, reviewReason: null, createdAt: new Date(), version: { increment: 1 } },
  });
}

/** The super admin of a rejected 用人单位注册 becomes the super admin of the unit registered anew, with no roles. */
export async function moveSuperAdmin(tx: Tx, accountId: string, unitId: string): Promise<void> {
  const admin = await tx.admin.update({ where: { accountId }, data: { unitId, isSuper: true, status: "ACTIVE", departmentId: null }, select: { id: true } });
  await tx.adminRole.deleteMany({ where: { adminId: admin.id } });
}

export interface LoginAccount {
  id: string;
  name: string;
  email: string | null;
  status: string;
  passwordHash: string;
  /** The blind index: names the account in lockout counters. */
  idNumberHash: string;
  /** When the password last changed (null: never since creation); reset links are bound to it. */
  passwordChangedAt: Date | null;
  admin: AdminGrant | null;
  professional: ProfessionalGrant | null;
}

/** The account behind an ID number (by blind index), with what decides who it may sign in as. */
export async function findLoginAccount(db: Db, where: { id: string } | { idType: IdType; idNumberHash: string }): Promise<LoginAccount | null> {
  const row = await db.account.findFirst({
    where,
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      passwordHash: true,
      idNumberHash: true,
      passwordChangedAt: true,
      mustChangePassword: true,
      admin: {
        select: {
          status: true,
          isSuper: true,
          unit: { select: { id: true, name: true, kind: true, status: true, path: true } },
          roles: { select: { role: { select: { permissions: true } } } },
        },
      },
      professional: { select: { status: true, reviewReason: true, unit: { select: { id: true, name: true } } } },
    },
  });
  if (!row) return null;
  const { admin, ...rest } = row;
  const rejectionReason = admin?.unit.status === "REJECTED" ? await unitRejectionReason(db, admin.unit.id) : null;
  return {
    ...rest,
    admin: admin && {
      status: admin.status,
      isSuper: admin.isSuper,
      unit: admin.unit,
      rejectionReason,
      rolePermissions: admin.roles.map((r) => r.role.permissions),
    },
  };
}

/**
 * The reason a unit's registration was 不通过, as 审核用人单位 recorded it (the latest `unit.reject`
 * audit entry's after.reason; the unit row keeps no reason of its own), or null.
 */
export async function unitRejectionReason(db: Db | Tx, unitId: string): Promise<string | null> {
  const entry = await db.auditLog.findFirst({
    where: { action: "unit.reject", entityType: "unit", entityId: unitId },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  const after = entry?.after;
  const reason = after && typeof after === "object" && !Array.isArray(after) ? after.reason : null;
  return typeof reason === "string" ? reason : null;
}

/** The superior unit's id of `unitId` (null for the root or a unit not found). */
export async function superiorOf(db: Db | Tx, unitId: string): Promise<string | null> {
  return (await db.unit.findUnique({ where: { id: unitId }, select: { superiorId: true } }))?.superiorId ?? null;
}

/**
 * Stores a new password hash. `temporary`: someone else set it (an admin's 重置密码), so the
 * owner must choose a new one at the next sign-in; the owner's own change or reset link clears that.
 */
export async function setPassword(db: Db | Tx, accountId: string, passwordHash: string, { temporary = false }: { temporary?: boolean } = {}): Promise<void> {
  await db.account.update({ where: { id: accountId }, data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: temporary } });
}
