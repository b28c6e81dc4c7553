import { z } from "zod";
import { UserType } from "../domain-codes.ts";
import { Permission } from "./permissions.ts";

/**
 * Who is calling: written to Redis by identity at login, resolved by every service from the
 * bearer token. `scopePath` is the materialised path of the unit whose subtree the caller may
 * see (null for a professional, who sees only their own records).
 */
export const Principal = z.object({
  sessionId: z.string().min(16),
  accountId: z.uuid(),
  userType: UserType,
  name: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  scopePath: z.string().nullable(),
  isSuperAdmin: z.boolean(),
  permissions: z.array(Permission),
  remember: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Principal = z.infer<typeof Principal>;

/** Redis keys shared by the identity service (writer) and every other service (reader). */
export const sessionKeys = {
  session: (token: string) => `session:${token}`,
  accountSessions: (accountId: string) => `account-sessions:${accountId}`,
};
