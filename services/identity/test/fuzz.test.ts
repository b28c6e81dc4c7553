import { fuzzService } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { createIdentityRouter } from "../src/routers/index.ts";
import { useIdentity } from "./support/boot.ts";
import { identityCases, principalOf, seedIdentityVictim } from "./support/matrix.ts";

const t = useIdentity("fuzz");

describe("identity fuzz", () => {
  it("answers hostile input to every procedure with a 4xx or a result, never a 500, and a refused call writes nothing", async () => {
    const victim = await seedIdentityVictim(t);
    const { fixture } = t;
    const professional = principalOf(fixture, "jnBus", victim.professional);
    const problems = await fuzzService("identity", t.app.db, {
      router: createIdentityRouter(t.app.deps),
      world: victim,
      // The province's super admin reaches every unit's objects, so inputs get past authorization.
      principal: principalOf(fixture, "sd", fixture.logins.sd),
      principalFor: { "profileChanges.me": professional, "profileChanges.request": professional },
      samples: identityCases,
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
