// The matrix and the fuzzer catch what they exist to catch: a tiny router with each kind of fault.

import { DomainError } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fuzzRouter, listProcedures, runAuthorizationMatrix, testPrincipal } from "../src/testing.ts";
import { authedProcedure, permittedProcedure, publicProcedure, router } from "../src/trpc.ts";

const VICTIM = "11111111-1111-4111-8111-111111111111";
const sibling = { unitId: "22222222-2222-4222-8222-222222222222", unitName: "青岛", scopePath: "/2/" };
const callers = {
  anonymous: null,
  professional: testPrincipal({ ...sibling, professional: true }),
  siblingAdmin: testPrincipal(sibling),
  unprivilegedAdmin: testPrincipal({ ...sibling, permissions: [] }),
};

describe("the authorization matrix", () => {
  it("reads each procedure's declared access from the router", () => {
    const r = router({
      a: publicProcedure.query(() => 1),
      b: authedProcedure.query(() => 1),
      c: router({ d: permittedProcedure("stats.view").query(() => 1) }),
    });
    expect(listProcedures(r).map((p) => [p.path, p.access])).toEqual([
      ["a", { kind: "public" }],
      ["b", { kind: "authed" }],
      ["c.d", { kind: "permission", permissions: ["stats.view"] }],
    ]);
  });

  it("fails on an uncovered procedure, a stale case, a leak, a mutation a sibling could do, and a 500", async () => {
    const r = router({
      fine: permittedProcedure("stats.view").query(() => ({ count: 1 })),
      leaky: permittedProcedure("stats.view").query(() => ({ unitId: VICTIM })),
      publicLeak: publicProcedure.query(() => ({ name: "王师傅" })),
      writes: permittedProcedure("stats.view").mutation(() => ({ ok: true })),
      crashes: authedProcedure.query(() => {
        throw new Error("relation does not exist");
      }),
      forgotten: authedProcedure.query(() => 1),
    });
    const result = await runAuthorizationMatrix({
      router: r,
      world: null,
      cases: { fine: {}, leaky: {}, publicLeak: { publicData: "says so" }, writes: {}, crashes: {}, gone: {} },
      callers,
      sentinels: [VICTIM, "王师傅"],
      privateSentinels: ["王师傅"],
    });
    const problems = result.problems.join("\n");
    expect(problems).toContain("forgotten: not covered by the authorization matrix");
    expect(problems).toContain("gone: in the matrix but no such procedure");
    expect(problems).toContain("leaky as siblingAdmin: answer contains the other unit's data");
    expect(problems).toContain("publicLeak as anonymous: answer contains the other unit's data");
    expect(problems).toContain("writes as siblingAdmin: a mutation on the other unit's objects succeeded");
    expect(problems).toContain("crashes as professional: failed with INTERNAL_SERVER_ERROR");
    expect(problems).not.toContain("fine");
  });
});

describe("the fuzzer", () => {
  it("finds a 500 and a write left behind by a refused call", async () => {
    let rows = 0;
    const r = router({
      overflows: authedProcedure.input(z.object({ n: z.number() })).mutation(({ input }) => {
        if (!Number.isFinite(input.n) || input.n > 1e6) throw new Error("numeric field overflow");
        return input.n;
      }),
      halfWrites: authedProcedure.input(z.object({ name: z.string() })).mutation(({ input }) => {
        rows++;
        if (input.name.length > 5) throw new DomainError("BAD_REQUEST", "名称过长", "name");
      }),
      safe: authedProcedure.input(z.object({ name: z.string().max(5) })).mutation(() => "ok"),
    });
    const result = await fuzzRouter({
      router: r,
      world: null,
      principal: callers.siblingAdmin,
      samples: { overflows: { input: () => ({ n: 1 }) }, halfWrites: { input: () => ({ name: "ab" }) }, safe: { input: () => ({ name: "ab" }) } },
      snapshot: async () => String(rows),
      runs: 200,
    });
    const problems = result.problems.join("\n");
    expect(problems).toContain("overflows: INTERNAL_SERVER_ERROR");
    expect(problems).toContain("halfWrites: refused BAD_REQUEST but rows changed");
    expect(problems).not.toContain("safe");
  });
});
