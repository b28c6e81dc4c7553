import { randomUUID } from "node:crypto";
import { serviceClient } from "@ce/service-kit/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { adminOf, bus, jinan, province, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursfilter");
const client = (token: string) => serviceClient<HoursRouter>(world.app.url, token);
// 王师傅 is already in the world's replica; these names hold LIKE's wildcards literally.
const people = ["张_三", "100%达标", "Li Ming", "a\\b"];

beforeAll(async () => {
  for (const name of people) {
    const professional = { accountId: randomUUID(), name, unitId: bus.data.unitId, unitPath: bus.data.path };
    await world.app.db.professionalReplica.create({
      data: { ...professional, idNumberMasked: "3701021990****1234", status: "APPROVED", version: 1, updatedAt: new Date() },
    });
    const chain = [
      { id: jinan.data.unitId, name: jinan.data.name },
      { id: province.data.unitId, name: province.data.name },
    ];
    await seedPendingDeclarations(world.app.db, { count: 1, professional, chain, stepIndex: 0 });
  }
});

// Typed filter → the names a person expects to see: wildcards match themselves, case does not matter.
const cases: Array<[string, string[]]> = [
  ["_", ["张_三"]],
  ["%", ["100%达标"]],
  ["张_三", ["张_三"]],
  ["张%", []],
  ["\\", ["a\\b"]],
  ["li ming", ["Li Ming"]],
  ["LI", ["Li Ming"]],
  ["三", ["张_三"]],
];

describe("text filters match what was typed, literally and case-insensitively", () => {
  it.each(cases)("学时审批 name filter %j lists %j", async (name, expected) => {
    const page = await client(await adminOf(world, jinan)).approvals.list.query({ name, pageSize: 200 });
    expect(page.items.map((r) => r.professionalName).sort()).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });

  it.each(cases)("选择申请人 name filter %j lists %j", async (name, expected) => {
    const found = await client(await adminOf(world, bus)).declarations.declarables.query({ name });
    expect(found.items.map((p) => p.name).sort()).toEqual([...expected].sort());
  });
});
