// Every reporting procedure declares the shape of its answer, so what leaves the service is parsed
// against a contracts schema (and stripped of anything undeclared) — see service-kit's proceduresWithoutOutput.

import { listProcedures, proceduresWithoutOutput } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { createReportingRouter } from "../src/routers/index.ts";

// Building the router only reads `deps` when a procedure runs; no procedure runs here.
const built = createReportingRouter({} as Parameters<typeof createReportingRouter>[0]);

describe("reporting output schemas", () => {
  it("declares .output() on every procedure", () => {
    expect(listProcedures(built).length).toBeGreaterThan(0);
    expect(proceduresWithoutOutput(built)).toEqual([]);
  });
});
