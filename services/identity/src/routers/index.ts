import { router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { authRouter } from "./auth.ts";
import { devMailboxRouter } from "./dev-mailbox.ts";
import { unitsRouter } from "./units.ts";

export function createIdentityRouter(deps: IdentityDeps) {
  return router({
    auth: authRouter(deps),
    units: unitsRouter(deps),
    devMailbox: devMailboxRouter(deps),
  });
}

/** The portal imports this type only (`@ce/identity/router`); never the implementation. */
export type IdentityRouter = ReturnType<typeof createIdentityRouter>;
