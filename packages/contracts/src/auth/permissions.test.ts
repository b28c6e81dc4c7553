import { describe, expect, it } from "vitest";
import { permissionGroups } from "../identity/roles.ts";
import { allPermissions, type Permission, permissionsOfUnitKind } from "./permissions.ts";

describe("the modules each kind of unit uses", () => {
  it.each<[string, "AUTHORITY" | "EMPLOYER" | "TRAINING_BASE", Permission, boolean]>([
    ["a 主管部门 supervises", "AUTHORITY", "subordinate.manage", true],
    ["a 主管部门 runs 成果备案", "AUTHORITY", "hours.audit", true],
    ["an employer reviews its people's registrations", "EMPLOYER", "review.professional", true],
    ["an employer approves its people's hours first", "EMPLOYER", "hours.approve", true],
    ["an employer has no subordinates", "EMPLOYER", "subordinate.view", false],
    ["an employer reviews no employers", "EMPLOYER", "review.employer", false],
    ["an employer runs no 成果备案", "EMPLOYER", "hours.audit", false],
    ["a CE base declares for its trainees", "TRAINING_BASE", "hours.declare", true],
    ["a CE base transfers nobody", "TRAINING_BASE", "transfer.manage", false],
    ["a CE base approves no hours", "TRAINING_BASE", "hours.approve", false],
    ["every unit keeps its own 操作日志", "TRAINING_BASE", "audit.view", true],
  ])("%s: %s holds %s = %s", (_what, kind, permission, held) => {
    expect(permissionsOfUnitKind(kind).includes(permission)).toBe(held);
  });

  it("gives the province's kind every module, in menu order, and the role form only a kind's own", () => {
    expect(permissionsOfUnitKind("AUTHORITY")).toEqual(allPermissions);
    const employerForm = permissionGroups("EMPLOYER").flatMap((g) => g.modules.map((m) => m.code));
    // Grouped by menu, so 查看操作日志 sits under 管理直属账户: compare as sets.
    expect([...employerForm].sort()).toEqual([...permissionsOfUnitKind("EMPLOYER")].sort());
    expect(permissionGroups("EMPLOYER").map((g) => g.menu)).not.toContain("成果备案");
    expect(
      permissionGroups()
        .flatMap((g) => g.modules.map((m) => m.code))
        .sort(),
    ).toEqual([...allPermissions].sort());
  });
});
