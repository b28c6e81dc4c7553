import { DevMail, DomainError } from "@ce/contracts";
import { isLoopback, publicProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";

/**
 * Whether the development mailbox answers: only with NODE_ENV=development, the `log` transport,
 * and a client on this machine (the browser's address as the portal vouches for it, or the
 * caller's own socket address). It hands out live reset links, so anything else is NOT_FOUND.
 */
export function devMailboxOpen(config: Pick<IdentityDeps["config"], "NODE_ENV" | "MAIL_TRANSPORT">, clientIp: string | null): boolean {
  return config.NODE_ENV === "development" && config.MAIL_TRANSPORT === "log" && isLoopback(clientIp);
}

/** The development mailbox: mails the `log` transport "sent" (see devMailboxOpen). */
export const devMailboxRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: publicProcedure.output(z.array(DevMail)).query(
    run(async (deps, ctx) => {
      const mails = devMailboxOpen(deps.config, ctx.clientIp) ? await deps.mailer.devMailbox() : null;
      if (mails === null) throw new DomainError("NOT_FOUND", "开发邮箱未启用");
      return mails;
    }),
  ),
});
