import { DevMail } from "@ce/contracts";
import { publicProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { devMailbox } from "../use-cases/dev-mailbox/list.ts";

/** The development mailbox: mails the `log` transport "sent" (use-cases/dev-mailbox/list.ts devMailboxOpen). */
export const devMailboxRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: publicProcedure.output(z.array(DevMail)).query(run(devMailbox)),
});
