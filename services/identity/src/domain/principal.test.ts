import { allPermissions, DomainError, permissionsOfUnitKind } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { type AdminGrant, grantFor, holdsUserType, resolvePermissions } from "./principal.ts";

const cityBureau = { id: "00000000-0000-4000-8000-000000000002", name: "济南市交通运输局", kind: "AUTHORITY", status: "APPROVED", path: "/p/jn/" };
const admin = (over: Partial<AdminGrant> = {}): AdminGrant => ({ status: "ACTIVE", isSuper: false, unit: cityBureau, rolePermissions: [], ...over });

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("permission resolution", () => {
  it("gives a super admin every permission module its unit's kind uses", () => {
    expect(resolvePermissions(true, [], "AUTHORITY")).toEqual(allPermissions);
    expect(resolvePermissions(true, [], "EMPLOYER")).toEqual(permissionsOfUnitKind("EMPLOYER"));
    expect(resolvePermissions(true, [], "EMPLOYER")).not.toContain("subordinate.view");
    expect(resolvePermissions(true, [], "TRAINING_BASE")).not.toContain("hours.approve");
  });

  it("cuts a role to what the unit's kind uses (成果备案 means nothing at an employer)", () => {
    expect(resolvePermissions(false, [["hours.audit", "hours.approve", "review.employer"]], "EMPLOYER")).toEqual(["hours.approve"]);
  });

  it("gives another admin the union of its roles, once each, in menu order", () => {
    expect(
      resolvePermissions(
        false,
        [
          ["hours.approve", "subordinate.view"],
          ["subordinate.view", "stats.view"],
        ],
        "AUTHORITY",
      ),
    ).toEqual(["subordinate.view", "hours.approve", "stats.view"]);
  });

  it("ignores permission codes that no longer exist", () => {
    expect(resolvePermissions(false, [["retired.module", "stats.view"]], "AUTHORITY")).toEqual(["stats.view"]);
  });
});

describe("signing in as a user type", () => {
  it("scopes an admin to its unit's subtree", () => {
    const grant = grantFor("AUTHORITY", { status: "ACTIVE", admin: admin({ isSuper: true }), professional: null });
    expect(grant).toMatchObject({ userType: "AUTHORITY", unitId: cityBureau.id, unitName: "济南市交通运输局", scopePath: "/p/jn/", isSuperAdmin: true });
    expect(grant.permissions).toEqual(allPermissions);
  });

  it("gives a professional no scope and no permissions", () => {
    const grant = grantFor("PROFESSIONAL", { status: "ACTIVE", admin: null, professional: { status: "APPROVED", unit: { id: cityBureau.id, name: "x" } } });
    expect(grant).toMatchObject({ scopePath: null, permissions: [], isSuperAdmin: false });
  });

  it.each([
    {
      who: "the province's admin",
      userType: "AUTHORITY" as const,
      unit: { ...cityBureau, path: "/p/" },
      facts: { unitKind: "AUTHORITY", unitDepth: 0, isProvince: true },
    },
    { who: "a city bureau's admin", userType: "AUTHORITY" as const, unit: cityBureau, facts: { unitKind: "AUTHORITY", unitDepth: 1, isProvince: false } },
    {
      who: "an employer's admin",
      userType: "EMPLOYER" as const,
      unit: { ...cityBureau, kind: "EMPLOYER", path: "/p/jn/bus/" },
      facts: { unitKind: "EMPLOYER", unitDepth: 2, isProvince: false },
    },
    {
      who: "a root CE base's admin",
      userType: "TRAINING_BASE" as const,
      unit: { ...cityBureau, kind: "TRAINING_BASE", path: "/base/" },
      facts: { unitKind: "TRAINING_BASE", unitDepth: 0, isProvince: false },
    },
  ])("tells $who's pages the unit's kind, depth and whether it is the province", ({ userType, unit, facts }) => {
    expect(grantFor(userType, { status: "ACTIVE", admin: admin({ unit }), professional: null })).toMatchObject(facts);
  });

  it("tells a professional's pages nothing about a unit", () => {
    const grant = grantFor("PROFESSIONAL", { status: "ACTIVE", admin: null, professional: { status: "APPROVED", unit: { id: cityBureau.id, name: "x" } } });
    expect(grant).toMatchObject({ unitKind: null, unitDepth: null, isProvince: false });
  });

  it("refuses a user type the account does not hold", () => {
    const account = { status: "ACTIVE", admin: admin(), professional: null };
    expect(domainError(() => grantFor("EMPLOYER", account))).toMatchObject({ kind: "FORBIDDEN", field: "userType" });
    expect(domainError(() => grantFor("PROFESSIONAL", account))).toMatchObject({ kind: "FORBIDDEN", field: "userType" });
  });

  it("refuses an admin of a unit that is not approved, and a disabled admin", () => {
    expect(
      domainError(() => grantFor("AUTHORITY", { status: "ACTIVE", admin: admin({ unit: { ...cityBureau, status: "PENDING" } }), professional: null })).kind,
    ).toBe("FORBIDDEN");
    expect(domainError(() => grantFor("AUTHORITY", { status: "ACTIVE", admin: admin({ status: "DISABLED" }), professional: null })).kind).toBe("FORBIDDEN");
  });

  it("refuses a professional whose registration is still under review", () => {
    const e = domainError(() =>
      grantFor("PROFESSIONAL", { status: "ACTIVE", admin: null, professional: { status: "PENDING", unit: { id: cityBureau.id, name: "x" } } }),
    );
    expect(e.message).toBe("注册信息正在审核中，审核通过后方可登录");
  });

  it("refuses a disabled account whatever it holds", () => {
    expect(domainError(() => grantFor("AUTHORITY", { status: "DISABLED", admin: admin(), professional: null })).kind).toBe("FORBIDDEN");
  });

  it("lets a password reset go to an account of the chosen type even before review", () => {
    const pending = { admin: null, professional: { status: "PENDING", unit: { id: cityBureau.id, name: "x" } } };
    expect(holdsUserType("PROFESSIONAL", pending)).toBe(true);
    expect(holdsUserType("EMPLOYER", { admin: admin(), professional: null })).toBe(false);
  });
});
