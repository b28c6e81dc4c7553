import { type DevMail, DomainError } from "@ce/contracts";
import { isLoopback } from "@ce/service-kit";
import type { IdentityDeps } from "../../deps.ts";
import type { AuthVisitor } from "../auth/caller.ts";

/**
 * Whether the development mailbox answers: only with NODE_ENV=development, the `log` transport,
 * and a client on this machine (the browser's address as the portal vouches for it, or the
 * caller's own socket address). It hands out live reset links, so anything else is NOT_FOUND.
 */
export function devMailboxOpen(config: Pick<IdentityDeps["config"], "NODE_ENV" | "MAIL_TRANSPORT">, clientIp: string | null): boolean {
  return config.NODE_ENV === "development" && config.MAIL_TRANSPORT === "log" && isLoopback(clientIp);
}

/**
 * The development mailbox: the mails the `log` transport "sent", newest first. Raises DomainError
 * NOT_FOUND (开发邮箱未启用) unless devMailboxOpen and the mailer keeps a mailbox (the `log` transport).
 */
export async function devMailbox(deps: IdentityDeps, visitor: Pick<AuthVisitor, "clientIp">, _input: unknown): Promise<DevMail[]> {
  const mails = devMailboxOpen(deps.config, visitor.clientIp) ? await deps.mailer.devMailbox() : null;
  if (mails === null) throw new DomainError("NOT_FOUND", "开发邮箱未启用");
  return mails;
}
