import { adminScope, fuzzService, testPrincipal } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { createHoursRouter } from "../src/routers/index.ts";
import { hoursCases, seedHoursVictim } from "./support/matrix.ts";
import { province, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursfuzz", () => new Date("2026-06-15T08:00:00Z"));

describe("hours fuzz", () => {
  it("answers hostile input to every procedure with a 4xx or a result, never a 500, and a refused call writes nothing", async () => {
    const victim = await seedHoursVictim(world);
    const problems = await fuzzService("hours", world.app.db, {
      router: createHoursRouter(world.app.deps),
      world: victim,
      // The province's super admin may call every procedure, so inputs get past authorization.
      principal: testPrincipal(adminScope(province)),
      samples: hoursCases,
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
