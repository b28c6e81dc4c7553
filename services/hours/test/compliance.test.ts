import { errorCode, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { adminOf, bus, busDriver, jinan, portWorker, professionalSession, province, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hourscompl", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

describe("compliance.mine", () => {
  it("shows a professional their last five years against the national rule, then a regional rule for one year", async () => {
    const chain = [bus, jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));
    const ids = await seedPendingDeclarations(world.app.db, { count: 8, professional: busDriver.data, chain, stepIndex: 2 });
    await client(await adminOf(world, province)).approvals.batchApprove.mutate({ ids: ids });

    const me = client(await professionalSession(world, busDriver));
    const years = await me.compliance.mine.query({});
    expect(years.map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(years[0]).toMatchObject({ professional: 64, general: 0, total: 64, compliant: false, missingTotal: 26, minTotal: 90, professionalShare: "2/3" });

    // 济南 (370100) asks for 60 hours in 2026.
    await world.app.db.complianceRule.create({
      data: { id: crypto.randomUUID(), year: 2026, region: "370100", minTotal: 60, professionalShareNum: 2, professionalShareDen: 3 },
    });
    const again = await me.compliance.mine.query({ years: 2 });
    expect(again[0]).toMatchObject({ compliant: true, minTotal: 60, missingTotal: 0 });
    expect(again[1]).toMatchObject({ year: 2025, compliant: false, minTotal: 90 });
  });

  it("shows another professional none of those hours", async () => {
    const [y] = await client(await professionalSession(world, portWorker)).compliance.mine.query({ years: 1 });
    expect(y).toMatchObject({ total: 0, compliant: false });
  });

  it("refuses an admin and an anonymous caller", async () => {
    expect(await errorCode(client(await adminOf(world, jinan)).compliance.mine.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client().compliance.mine.query({}))).toBe("UNAUTHORIZED");
  });
});
