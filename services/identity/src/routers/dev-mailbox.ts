import { DomainError } from "@ce/contracts";
import { publicProcedure, router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";

/**
 * The development mailbox: mails the `log` transport "sent". It hands out reset links to anyone,
 * so it does not exist in production even when mail still goes to the log.
 */
export function devMailboxRouter(deps: IdentityDeps) {
  return router({
    list: publicProcedure.query(async () => {
      const enabled = deps.config.MAIL_TRANSPORT === "log" && deps.config.NODE_ENV !== "production";
      const mails = enabled ? await deps.mailer.devMailbox() : null;
      if (mails === null) throw new DomainError("NOT_FOUND", "开发邮箱未启用");
      return mails;
    }),
  });
}
