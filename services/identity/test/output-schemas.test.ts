// Every identity procedure declares the shape of its answer, so what leaves the service is parsed
// against a contracts schema (and stripped of anything undeclared) — see service-kit's proceduresWithoutOutput.

import { listProcedures, proceduresWithoutOutput } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { IdentityDeps } from "../src/deps.ts";
import { createIdentityRouter } from "../src/routers/index.ts";

// Building the router only reads `deps` when a procedure runs; no procedure runs here.
const built = createIdentityRouter({} as IdentityDeps);

describe("identity output schemas", () => {
  it("declares .output() on every procedure", () => {
    expect(listProcedures(built).length).toBeGreaterThan(0);
    expect(proceduresWithoutOutput(built)).toEqual([]);
  });
});
