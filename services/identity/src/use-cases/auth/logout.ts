import type { Ack } from "@ce/contracts";
import { closeSession } from "../../auth/sessions.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { SessionHolder } from "./caller.ts";

/** 退出: ends the caller's own session (its token and its place in the account's index); the account's other sessions stay. */
export async function logout(deps: IdentityDeps, caller: SessionHolder): Promise<Ack> {
  await closeSession(deps.redis, caller.token, caller.principal.accountId);
  return { ok: true };
}
