import { z } from "zod";
import { UnitKind, UserType } from "../domain-codes.ts";
import { Permission } from "./permissions.ts";

/**
 * The facts about the caller's unit that pages and services need, computed once at login by
 * `callerUnit` (province.ts): the unit's kind, its depth below the root (0 = the province) and
 * whether it is the province. All null/false for a professional.
 */
export const CallerUnitFields = {
  unitKind: UnitKind.nullable(),
  unitDepth: z.number().int().min(0).nullable(),
  isProvince: z.boolean(),
};

/**
 * Who is calling: written to Redis by identity at login, resolved by every service from the
 * bearer token. `scopePath` is the materialised path of the unit whose subtree the caller may
 * see (null for a professional, who sees only their own records); the CallerUnitFields say what
 * that unit is, so no page or service has to ask again. A session written before these fields
 * existed no longer parses and reads as signed out.
 */
export const Principal = z.object({
  sessionId: z.string().min(16),
  accountId: z.uuid(),
  userType: UserType,
  name: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  scopePath: z.string().nullable(),
  ...CallerUnitFields,
  isSuperAdmin: z.boolean(),
  permissions: z.array(Permission),
  /**
   * Someone else set the password (an admin's 重置密码, an account an admin registered): every
   * procedure but 修改密码, auth.me and 退出 refuses until the owner has chosen a new one. Sessions
   * written before the field existed read as false.
   */
  mustChangePassword: z.boolean().default(false),
  remember: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Principal = z.infer<typeof Principal>;

/** Redis keys shared by the identity service (writer) and every other service (reader). */
export const sessionKeys = {
  session: (token: string) => `session:${token}`,
  accountSessions: (accountId: string) => `account-sessions:${accountId}`,
};
