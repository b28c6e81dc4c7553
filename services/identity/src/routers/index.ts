import { serviceRouter } from "@ce/service-kit";
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
  return serviceRouter(deps, {
    auth: authRouter,
    units: unitsRouter,
    departments: departmentsRouter,
    admins: adminsRouter,
    roles: rolesRouter,
    unitProfile: unitProfileRouter,
    unitChanges: unitChangesRouter,
    audit: auditRouter,
    registration: registrationRouter,
    review: reviewsRouter,
    professionals: professionalsRouter,
    profileChanges: profileChangesRouter,
    transfers: transfersRouter,
    imports: importRouter,
    devMailbox: devMailboxRouter,
  });
}

/** The portal imports this type only (`@ce/identity/router`); never the implementation. */
export type IdentityRouter = ReturnType<typeof createIdentityRouter>;
