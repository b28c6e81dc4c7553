// Issue 7 fault 1 as a kind, in identity: every list's text filter matches what was typed,
// literally (LIKE's % and _ and its escape \ are ordinary characters) and case-insensitively —
// the public unit picker of registration (the issue's own example), the raw-SQL lists
// (likeContains), the Prisma lists (containsFilter) and the in-memory department tree
// (matchesSearch). The guard test (packages/testkit/test/text-filter-usage.test.ts) keeps new
// lists on the helpers; this proves the helpers are wired to the right columns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnit } from "../src/use-cases/units/write.ts";
import { bootIdentity, type IdentityClient, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
let jn: IdentityClient;
let bus: IdentityClient;

/** Names that hold LIKE's metacharacters, and a Latin one for case; nothing else in the fixture holds _ % or \. */
const approvedUnits = ["济南_快运有限公司", "济南100%物流有限公司", "Jinan Logistics Co"];
const pendingUnits = ["济南_待审物流公司", "济南50%待审运输公司", "Jinan Pending Co"];
const people = ["张_三", "100%达标", "Li Ming", "a\\b"];
const pendingPeople = ["李_四", "50%待审", "Wang Fang"];
const admins = ["王_五", "80%管理员", "Zhao Admin"];
const roles = ["审核_专员", "100%角色", "Audit Role"];
const departments = ["运输_一部", "100%服务部", "IT部"];

beforeAll(async () => {
  t = await bootIdentity("textfilters");
  const { fixture, app } = t;
  await app.db.$transaction(async (tx) => {
    const meta = { actor: null, correlationId: "text-filters" };
    for (const [names, status] of [
      [approvedUnits, "APPROVED"],
      [pendingUnits, "PENDING"],
    ] as const) {
      for (const name of names) {
        await createUnit(
          tx,
          {
            name,
            kind: "EMPLOYER",
            nature: "ENTERPRISE",
            status,
            industry: "G",
            region: "370000",
            code: null,
            superiorId: fixture.units.jn.id,
            trainingLevel: null,
          },
          meta,
        );
      }
    }
  });
  const rename = (accountId: string, name: string) => app.db.account.update({ where: { id: accountId }, data: { name } });
  for (const name of people) await rename((await fixture.newProfessional({ unit: "jnBus" })).accountId, name);
  for (const name of pendingPeople) await rename((await fixture.newProfessional({ unit: "jnBus", status: "PENDING" })).accountId, name);
  for (const name of admins) await rename((await fixture.newAdmin("jnBus")).accountId, name);
  jn = t.client({ token: (await t.login(fixture.logins.jn)).token });
  bus = t.client({ token: (await t.login(fixture.logins.jnBus)).token });
  for (const name of roles) await bus.roles.create.mutate({ name, permissions: ["hours.declare"] });
  for (const [i, name] of departments.entries()) await bus.departments.create.mutate({ name, sortOrder: i });
}, 60_000);
afterAll(() => t?.cleanup());

type List = [label: string, names: readonly string[], call: (typed: string) => Promise<string[]>];

const lists: List[] = [
  [
    "registration.searchUnits (the public unit picker)",
    approvedUnits,
    async (name) => (await t.client().registration.searchUnits.query({ name, limit: 50 })).map((u) => u.name),
  ],
  [
    "units.listSubordinates (管理下级单位)",
    approvedUnits,
    async (name) => (await jn.units.listSubordinates.query({ name, pageSize: 200 })).items.map((u) => u.name),
  ],
  ["review.employers (审核用人单位)", pendingUnits, async (name) => (await jn.review.employers.query({ name, pageSize: 200 })).items.map((u) => u.name)],
  [
    "review.professionals (审核注册人员)",
    pendingPeople,
    async (name) => (await jn.review.professionals.query({ name, pageSize: 200 })).items.map((p) => p.name),
  ],
  [
    "transfers.candidates (人员调出 › 添加人员)",
    people,
    async (name) => (await bus.transfers.candidates.query({ name, pageSize: 200 })).items.map((p) => p.name),
  ],
  ["admins.candidates (新增管理员 › 选择)", people, async (q) => (await bus.admins.candidates.query({ q, pageSize: 200 })).items.map((p) => p.name)],
  ["admins.list (管理员列表)", admins, async (name) => (await bus.admins.list.query({ name, pageSize: 200 })).items.map((a) => a.name)],
  ["roles.list (角色管理)", roles, async (name) => (await bus.roles.list.query({ name, pageSize: 200 })).items.map((r) => r.name)],
  [
    "departments.list (管理内设部门, filtered in memory)",
    departments,
    async (name) => (await bus.departments.list.query({ name })).filter((d) => d.matched).map((d) => d.name),
  ],
];

/** What each list's own names give for a typed filter: the literal, case-insensitive contains. */
const expected = (names: readonly string[], typed: string) => names.filter((n) => n.toLowerCase().includes(typed.toLowerCase()));

// Typed filters: each metacharacter alone, doubled, next to text, the escape character, and case.
const typedFilters = ["_", "%", "__", "%%", "_%", "\\", "\\_", "0%", "o", "CO", "it"];

describe("identity's text filters match what was typed, literally and case-insensitively", () => {
  it.each(lists)("%s", async (_label, names, call) => {
    for (const typed of typedFilters) {
      const found = await call(typed);
      // Rows of the fixture never hold _ % or \; for the Latin letters only this list's names are compared.
      const mine = /^[a-z]+$/i.test(typed) ? found.filter((n) => names.includes(n)) : found;
      expect(mine.sort(), `${JSON.stringify(typed)}`).toEqual(expected(names, typed).sort());
    }
  });
});
