import { maskIdNumber } from "@ce/contracts";
import { residentIdsFittingMask } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idLookupLimits } from "../src/domain/lockout.ts";
import { ID_LOOKUP_FIELD } from "../src/security/id-lookup.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";

/**
 * Issue 8 fault 2, as a kind: a masked ID number (month and day hidden, ~33 numbers fit it) must
 * not be turned into the full number by asking "is it registered?". Every lookup by full ID
 * number on an admin's behalf is rate-limited per account and address and logged.
 */
let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("idlookup");
});
afterAll(() => t?.cleanup());

const registerWay = (idNumber: string) => ({
  way: "REGISTER" as const,
  idNumber,
  password: "Admin2024",
  confirmPassword: "Admin2024",
  name: "探测",
  phone: "13912345678",
  email: "probe@example.com",
});
const existingWay = (idNumber: string) => ({ way: "EXISTING" as const, idNumber, password: "Guess2024" });

describe("turning a masked ID number into the full one through 新增管理员", () => {
  it.each([
    ["way (b) 注册成为管理员", registerWay],
    ["way (c) 添加成为管理员", existingWay],
  ] as const)("is stopped after %s's daily budget, and every answered lookup is in pii_access_log", async (_, form) => {
    const victim = await t.fixture.newProfessional({ unit: "qdPort" });
    const candidates = residentIdsFittingMask(victim.idNumber);
    expect(candidates.length).toBeGreaterThan(25);
    expect(new Set(candidates.map(maskIdNumber))).toEqual(new Set([maskIdNumber(victim.idNumber)]));
    // The victim's number comes early, as it would for an unlucky order.
    const order = [
      ...candidates.filter((c) => c !== victim.idNumber).slice(0, 9),
      victim.idNumber,
      ...candidates.filter((c) => c !== victim.idNumber).slice(9),
    ];

    const prober = await t.fixture.newAdmin("jn", { permissions: ["admin.manage"] });
    const api = t.client({ token: (await t.login(prober)).token, ip: `198.51.100.${order.length + Math.floor(Math.random() * 100)}` }).admins;
    let answered = 0;
    let stoppedAt: number | null = null;
    for (const [i, idNumber] of order.entries()) {
      const err = await api.prepare.mutate(form(idNumber)).then(
        () => null,
        (e: unknown) => e,
      );
      const code = (err as { data?: { code?: string } } | null)?.data?.code;
      if (code === "TOO_MANY_REQUESTS" && (err as Error).message === "证件号查询过于频繁，请明天再试") {
        stoppedAt = i;
        break;
      }
      answered++;
    }
    expect(stoppedAt).toBe(idLookupLimits.perAccount.max);
    expect(answered).toBeLessThan(order.length);

    const log = await t.app.db.piiAccessLog.findMany({ where: { viewerId: prober.accountId }, orderBy: { id: "asc" } });
    expect(log).toHaveLength(answered);
    expect(log.every((row) => row.fields.join() === ID_LOOKUP_FIELD && row.purpose?.startsWith("新增管理员"))).toBe(true);
    expect(log.filter((row) => row.subjectId === victim.accountId)).toHaveLength(1);
  });

  it("limits lookups per client address across admins", async () => {
    const ip = "203.0.113.250";
    let refused = null;
    for (let n = 0; n < 3 && !refused; n++) {
      const api = t.client({ token: (await t.login(await t.fixture.newAdmin("jn", { permissions: ["admin.manage"] }))).token, ip }).admins;
      for (let i = 0; i < idLookupLimits.perAccount.max && !refused; i++) {
        const err = await failure(api.prepare.mutate(registerWay(t.fixture.nextIdNumber()))).catch(() => null);
        if (err?.code === "TOO_MANY_REQUESTS") refused = { admin: n, call: i };
      }
    }
    // 50 a day from one address: the third admin is refused on its tenth call.
    expect(refused).toEqual({ admin: 2, call: idLookupLimits.perIp.max - 2 * idLookupLimits.perAccount.max });
  });
});
