// The use cases' shared authorization (use-cases/caller.ts): whose declarations a caller sees,
// and who may decide — a table of invented principals, no I/O.
import { DomainError, type Principal } from "@ce/contracts";
import { testPrincipal } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { deciderOf, recordsScope, VIEWERS } from "../src/use-cases/caller.ts";

const unit = { unitId: "0b9f6c1e-1111-4a5b-9c3d-000000000001", unitName: "烟台市交通运输局", scopePath: "/aa/bb/" };
const ADMIN = "0b9f6c1e-3333-4a5b-9c3d-000000000003";
const admin = (over: Partial<Principal> = {}, permissions?: Principal["permissions"]) => ({
  ...testPrincipal({ ...unit, permissions, accountId: ADMIN }),
  ...over,
});
const person = testPrincipal({ ...unit, professional: true, accountId: "0b9f6c1e-2222-4a5b-9c3d-000000000002" });

const refusal = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kind: e.kind, message: e.message };
  }
};

describe("recordsScope", () => {
  it.each([
    { name: "a professional sees their own", p: person, want: { ok: { professionalId: person.accountId } } },
    {
      name: "a super admin sees the subtree and what the unit declared for others",
      p: admin(),
      want: { ok: { scopePath: "/aa/bb/", declaredByUnit: unit.unitId } },
    },
    { name: "an auditor alone is a viewer", p: admin({}, ["hours.audit"]), want: { ok: { scopePath: "/aa/bb/", declaredByUnit: unit.unitId } } },
    { name: "a 下级单位 viewer is not", p: admin({}, ["subordinate.view"]), want: { kind: "FORBIDDEN", message: "您没有权限进行此操作" } },
    { name: "an admin with no permission", p: admin({}, []), want: { kind: "FORBIDDEN", message: "您没有权限进行此操作" } },
    { name: "a viewer with no subtree", p: admin({ scopePath: null }, ["hours.records"]), want: { kind: "FORBIDDEN", message: "当前账户没有可管理的人员" } },
  ])("$name", ({ p, want }) => expect(refusal(() => recordsScope(p, ...VIEWERS))).toEqual(want));
});

describe("deciderOf", () => {
  const says = "当前账户不能审批学时";
  it.each([
    { name: "an admin of a unit", p: admin(), want: { ok: { accountId: ADMIN, name: "烟台市交通运输局管理员", ...unit } } },
    { name: "a professional", p: person, want: { kind: "FORBIDDEN", message: says } },
    { name: "an admin without a unit", p: admin({ unitId: null }), want: { kind: "FORBIDDEN", message: says } },
    { name: "an admin without a unit name", p: admin({ unitName: null }), want: { kind: "FORBIDDEN", message: says } },
    { name: "an admin without a subtree", p: admin({ scopePath: null }), want: { kind: "FORBIDDEN", message: says } },
  ])("$name", ({ p, want }) => expect(refusal(() => deciderOf(p, says))).toEqual(want));
});
