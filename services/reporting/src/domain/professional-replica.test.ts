import { professionalSnapshot } from "@ce/contracts/testing";
import { describe, expect, it } from "vitest";
import { movedPath, professionalReplicaRow } from "./professional-replica.ts";

describe("professional replica", () => {
  it("rewrites the moved subtree's prefix and leaves other paths alone", () => {
    expect(movedPath("/p/a/u/", "/p/a/", "/p/b/a/")).toBe("/p/b/a/u/");
    expect(movedPath("/p/a/", "/p/a/", "/p/b/a/")).toBe("/p/b/a/");
    expect(movedPath("/p/ab/", "/p/a/", "/p/b/a/")).toBe("/p/ab/");
  });

  it("keeps the masked ID and blind index, and dates from the event", () => {
    const unit = { data: { unitId: "00000000-0000-4000-8000-000000000002", path: "/x/" } };
    const snapshot = professionalSnapshot(unit, { idNumberHash: "hash", registeredAt: "2026-01-02T03:04:05.000Z", activated: false, version: 4 });
    const row = professionalReplicaRow(snapshot, "2026-02-01T00:00:00.000Z");
    expect(row).toMatchObject({
      idNumberMasked: "3701021988****1234",
      idNumberHash: "hash",
      version: 4,
      unitPath: "/x/",
      qualification: "工程师",
      activated: false,
    });
    expect(row.registeredAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(row.updatedAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });
});
