import { router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { adminsRouter } from "./admins.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { departmentsRouter } from "./departments.ts";
import { devMailboxRouter } from "./dev-mailbox.ts";
import { importRouter } from "./import.ts";
import { professionalsRouter } from "./professionals.ts";
import { profileChangesRouter } from "./profile-changes.ts";
import { registrationRouter } from "./registration.ts";
import { reviewsRouter } from "./reviews.ts";
import { rolesRouter } from "./roles.ts";
import { transfersRouter } from "./transfers.ts";
import { unitChangesRouter } from "./unit-changes.ts";
import { unitProfileRouter } from "./unit-profile.ts";
import { unitsRouter } from "./units.ts";

export function createIdentityRouter(deps: IdentityDeps) {
  return router({
    auth: authRouter(deps),
    units: unitsRouter(deps),
    departments: departmentsRouter(deps),
    admins: adminsRouter(deps),
    roles: rolesRouter(deps),
    unitProfile: unitProfileRouter(deps),
    unitChanges: unitChangesRouter(deps),
    audit: auditRouter(deps),
    registration: registrationRouter(deps),
    review: reviewsRouter(deps),
    professionals: professionalsRouter(deps),
    profileChanges: profileChangesRouter(deps),
    transfers: transfersRouter(deps),
    imports: importRouter(deps),
    devMailbox: devMailboxRouter(deps),
  });
}

/** The portal imports this type only (`@ce/identity/router`); never the implementation. */
export type IdentityRouter = ReturnType<typeof createIdentityRouter>;
