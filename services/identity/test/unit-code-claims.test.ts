// A claim not yet approved blocks nobody (the probe: a pending 用人单位注册 squatted a credit code —
// a second registration got 409 while the first was pending). Registration answers alike whether or
// not another claim is pending; uniqueness is checked when a claim is approved.
import { describe, expect, it } from "vitest";
import { unitMessages } from "../src/domain/units.ts";
import { failure, useIdentity } from "./support/boot.ts";
import { employerForm } from "./support/people.ts";

const t = useIdentity("unit-code-claims", ["jn"]);

const register = async (code?: string, ip = "198.51.100.20") => {
  const form = await employerForm(t, t.fixture.units.jn.id, code ? { code } : {}, ip);
  return { form, result: await t.client({ ip }).registration.employer.mutate(form) };
};
const decide = (ids: string[], decision: "APPROVE" | "REJECT") =>
  t.client({ token: t.tokens.jn }).review.decideEmployers.mutate({ ids, decision, ...(decision === "REJECT" ? { reason: "代码重复" } : {}) });
const statusOf = async (id: string) => (await t.app.db.unit.findUniqueOrThrow({ where: { id } })).status;

describe("机构代码 claims are checked at approval", () => {
  it("two pending claims on one code register alike; the first approved holds it, the second's approval is refused with its name and nothing written", async () => {
    const a = await register();
    const b = await register(a.form.code, "198.51.100.21");
    // The same answer shape either way: nothing tells the second applicant about the first.
    expect(Object.keys(b.result).sort()).toEqual(Object.keys(a.result).sort());
    expect(await decide([a.result.unitId], "APPROVE")).toMatchObject({ skipped: [] });
    const refused = await failure(decide([b.result.unitId], "APPROVE"));
    expect(refused).toMatchObject({ code: "CONFLICT", fieldErrors: { code: [unitMessages.codeTakenAtApproval(b.form.unitName)] } });
    expect(await statusOf(b.result.unitId)).toBe("PENDING");
    // A batch holding the refused one writes nothing either.
    const c = await register(undefined, "198.51.100.22");
    expect((await failure(decide([c.result.unitId, b.result.unitId], "APPROVE"))).code).toBe("CONFLICT");
    expect(await statusOf(c.result.unitId)).toBe("PENDING");
    // 驳回 needs no code check.
    await decide([b.result.unitId], "REJECT");
    expect(await statusOf(b.result.unitId)).toBe("REJECTED");
  });

  it("a rejected claim frees the code; an approved unit's code is still refused at registration", async () => {
    const a = await register(undefined, "198.51.100.23");
    await decide([a.result.unitId], "REJECT");
    const again = await register(a.form.code, "198.51.100.24");
    await decide([again.result.unitId], "APPROVE");
    expect(await statusOf(again.result.unitId)).toBe("APPROVED");
    const taken = await failure(register(a.form.code, "198.51.100.25"));
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { code: [unitMessages.codeTaken] } });
  });
});
