// Every procedure declares its answer's shape: proceduresWithoutOutput finds the ones that do not,
// and dbValue refuses a stored value outside its column's contract, naming the column.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DbValueError, dbValue } from "../src/db-values.ts";
import { proceduresWithoutOutput } from "../src/testing.ts";
import { authedProcedure, permittedProcedure, publicProcedure, router } from "../src/trpc.ts";

const Answer = z.object({ n: z.number() });

describe("proceduresWithoutOutput", () => {
  const cases: Array<[string, Parameters<typeof proceduresWithoutOutput>[0], string[]]> = [
    [
      "every procedure declared",
      router({
        a: publicProcedure.output(Answer).query(() => ({ n: 1 })),
        b: authedProcedure
          .input(z.object({ x: z.string() }))
          .output(z.array(Answer))
          .mutation(() => []),
      }),
      [],
    ],
    ["one query without", router({ a: publicProcedure.query(() => 1), b: publicProcedure.output(Answer).query(() => ({ n: 1 })) }), ["a"]],
    ["a mutation with input but no output", router({ save: authedProcedure.input(z.object({ x: z.string() })).mutation(() => ({ ok: true })) }), ["save"]],
    [
      "nested routers, by dotted path",
      router({
        outer: router({ inner: router({ deep: permittedProcedure("stats.view").query(() => 1) }), fine: publicProcedure.output(z.number()).query(() => 1) }),
      }),
      ["outer.inner.deep"],
    ],
    [
      "output declared before input still counts",
      router({
        a: publicProcedure
          .output(Answer)
          .input(z.object({ y: z.number() }))
          .query(() => ({ n: 2 })),
      }),
      [],
    ],
    ["an empty router", router({}), []],
  ];
  it.each(cases)("%s", (_name, r, missing) => {
    expect(proceduresWithoutOutput(r)).toEqual(missing);
  });
});

describe("dbValue", () => {
  const Status = z.enum(["PENDING", "APPROVED"]);
  const Chain = z.array(z.object({ id: z.uuid(), name: z.string() }));
  const UUID = "11111111-1111-4111-8111-111111111111";
  const good: Array<[string, z.ZodType, unknown]> = [
    ["an enum code", Status, "PENDING"],
    ["a chain", Chain, [{ id: UUID, name: "济南市交通运输局" }]],
    ["an empty chain", Chain, []],
  ];
  it.each(good)("returns %s as parsed", (_name, schema, value) => {
    expect(dbValue(schema, value, "t.c")).toEqual(value);
  });

  const bad: Array<[string, z.ZodType, unknown]> = [
    ["a lower-case code", Status, "pending"],
    ["a code with a trailing space", Status, "APPROVED "],
    ["an empty string", Status, ""],
    ["null for a NOT NULL code", Status, null],
    ["a chain stored as an object", Chain, { id: UUID, name: "x" }],
    ["a chain step without a name", Chain, [{ id: UUID }]],
    ["a chain step whose id is not a uuid", Chain, [{ id: "1", name: "省厅" }]],
    ["a chain stored as a JSON string", Chain, JSON.stringify([{ id: UUID, name: "x" }])],
  ];
  it.each(bad)("refuses %s, naming the column and not the value", (_name, schema, value) => {
    let thrown: unknown;
    try {
      dbValue(schema, value, "hours.declaration.col");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DbValueError);
    expect((thrown as DbValueError).column).toBe("hours.declaration.col");
    expect((thrown as Error).message).toContain("hours.declaration.col");
    if (typeof value === "string" && value.trim() !== "") expect((thrown as Error).message).not.toContain(value);
  });

  it("keeps the schema's output: defaults applied, unknown keys stripped", () => {
    const S = z.object({ kind: z.literal("A"), cap: z.number().nullable().default(null) });
    expect(dbValue(S, { kind: "A", extra: 1 }, "t.c")).toEqual({ kind: "A", cap: null });
  });
});
