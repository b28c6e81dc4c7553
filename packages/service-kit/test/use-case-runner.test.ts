// serviceRouter and its `run`: `run(useCase)` hands the use case the service's deps, the caller's
// context as the builder made it and the input as the schema parsed it, and answers what the use
// case returns — after the builder's own checks, which still refuse before the use case runs. An
// area is a function of `run`, as in the services; `run(useCase, callerOf)` hands it the caller read from the context.
import type { Principal } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callerContext, callProcedure, listProcedures, testPrincipal } from "../src/matrix.ts";
import { permittedProcedure, serviceRouter, type UseCaseRun } from "../src/trpc.ts";

const deps = { greeting: "你好" };
const seen: { deps: unknown; unitName: string | null; input: unknown }[] = [];

function greet(d: typeof deps, ctx: { principal: Principal }, input: { name: string; times: number }) {
  seen.push({ deps: d, unitName: ctx.principal.unitName, input });
  return { text: `${d.greeting}，${input.name}`.repeat(input.times) };
}

/** A caller as a use case may want it, read from the context (refusing a caller without a unit). */
function signer(ctx: { principal: Principal }) {
  if (!ctx.principal.unitName) throw new Error("no unit");
  return { unitName: ctx.principal.unitName };
}
function sign(d: typeof deps, caller: { unitName: string }, input: { name: string }) {
  seen.push({ deps: d, unitName: caller.unitName, input });
  return { text: `${input.name}（${caller.unitName}）` };
}

const GreetInput = z.object({ name: z.string().trim(), times: z.number().int().default(1) });
const greetingsRouter = (run: UseCaseRun<typeof deps>) => ({
  greet: permittedProcedure("stats.view")
    .input(GreetInput)
    .output(z.object({ text: z.string() }))
    .query(run(greet)),
  sign: permittedProcedure("stats.view")
    .input(GreetInput.pick({ name: true }))
    .output(z.object({ text: z.string() }))
    .query(run(sign, signer)),
});
const app = serviceRouter(deps, { greetings: greetingsRouter });
const jinan = { unitId: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b", unitName: "济南市交通运输局", scopePath: "0b6f1e0a8f7d4c3e9a1b2c3d4e5f6a7b" };

describe("serviceRouter", () => {
  it("mounts each area's procedures under the area's name, with their access for the matrix", () => {
    expect(listProcedures(app).map(({ path, type, access }) => ({ path, type, access }))).toEqual([
      { path: "greetings.greet", type: "query", access: { kind: "permission", permissions: ["stats.view"] } },
      { path: "greetings.sign", type: "query", access: { kind: "permission", permissions: ["stats.view"] } },
    ]);
  });

  it("calls the use case with the deps, the caller and the parsed input, and answers its result", async () => {
    seen.length = 0;
    const out = await callProcedure(app, "greetings.greet", callerContext(testPrincipal(jinan)), { name: " 张三 " });
    expect(out).toEqual({ ok: true, value: { text: "你好，张三" } });
    expect(seen).toEqual([{ deps, unitName: "济南市交通运输局", input: { name: "张三", times: 1 } }]);
  });

  it("with callerOf, hands the use case the caller it reads from the context", async () => {
    seen.length = 0;
    const out = await callProcedure(app, "greetings.sign", callerContext(testPrincipal(jinan)), { name: " 张三 " });
    expect(out).toEqual({ ok: true, value: { text: "张三（济南市交通运输局）" } });
    expect(seen).toEqual([{ deps, unitName: "济南市交通运输局", input: { name: "张三" } }]);
  });

  it("leaves the refusals to the builder: the use case never runs for a caller without the permission", async () => {
    seen.length = 0;
    const out = await callProcedure(app, "greetings.greet", callerContext(testPrincipal({ ...jinan, permissions: [] })), { name: "张三" });
    expect(out).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(seen).toEqual([]);
  });
});
