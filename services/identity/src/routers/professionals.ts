import { RevealedPii, RevealPiiInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { revealPii } from "../use-cases/professionals/reveal-pii.ts";

/** 专业技术人员: what is not a review (lists stay masked; the clear values need pii.unmask). */
export function professionalsRouter(deps: IdentityDeps) {
  return router({
    revealPii: permittedProcedure("pii.unmask")
      .input(RevealPiiInput)
      .output(RevealedPii)
      .mutation(({ input, ctx }) => revealPii(deps, ctx, input)),
  });
}
