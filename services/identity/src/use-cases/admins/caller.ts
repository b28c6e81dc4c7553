import type { Principal } from "@ce/contracts";
import { type AuditActor, auditActor } from "../../db/audit.ts";
import type { CredentialController } from "../../domain/credentials.ts";
import { type Granter, granterOf } from "../../domain/grants.ts";
import { credentialControllerOf } from "../credentials.ts";
import { ownUnit } from "../scope.ts";

/** An admin manager as the admin use cases see them: own unit, super or not, what they may grant, whose credentials they control, and the audit actor. */
export interface AdminManager {
  accountId: string;
  isSuper: boolean;
  unitId: string;
  granter: Granter;
  /** Whose credentials the manager may reset (use-cases/credentials.ts). */
  controller: CredentialController;
  clientIp: string | null;
  requestId: string;
  actor: AuditActor & { accountId: string; isSuper: boolean };
}

/** The manager behind a call; raises DomainError FORBIDDEN for a caller without a unit. */
export function adminManager(ctx: { principal: Principal; clientIp: string | null; requestId: string }): AdminManager {
  const accountId = ctx.principal.accountId;
  const isSuper = ctx.principal.isSuperAdmin;
  return {
    accountId,
    isSuper,
    unitId: ownUnit(ctx.principal),
    granter: granterOf(ctx.principal),
    controller: credentialControllerOf(ctx.principal),
    clientIp: ctx.clientIp,
    requestId: ctx.requestId,
    actor: { ...auditActor(ctx), accountId, isSuper },
  };
}
