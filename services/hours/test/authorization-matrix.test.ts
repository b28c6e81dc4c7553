import { matrixSummary, rowCounts, runAuthorizationMatrix } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { createHoursRouter } from "../src/routers/index.ts";
import { hoursCallers, hoursCases, hoursSentinels, seedHoursVictim } from "./support/matrix.ts";
import { useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursauthz", () => new Date("2026-06-15T08:00:00Z"));

describe("hours authorization matrix", () => {
  it("refuses every procedure to callers without a session, a professional, an admin lacking the permission, and never lets a sibling unit read or change 济南's data", async () => {
    const victim = await seedHoursVictim(world);
    const before = await rowCounts(world.app.db, "hours")();
    const result = await runAuthorizationMatrix({
      router: createHoursRouter(world.app.deps),
      world: victim,
      cases: hoursCases,
      callers: hoursCallers(),
      ...hoursSentinels(victim),
    });
    console.log(matrixSummary("hours", result));
    expect(result.problems).toEqual([]);
    // Nothing any of them did wrote a row (the sibling's own-unit answers are reads).
    expect(await rowCounts(world.app.db, "hours")()).toBe(before);
  });
});
