import { matrixSummary, runAuthorizationMatrix } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { createIdentityRouter } from "../src/routers/index.ts";
import { useIdentity } from "./support/boot.ts";
import { identityCallers, identityCases, identitySentinels, seedIdentityVictim } from "./support/matrix.ts";

const t = useIdentity("authzmatrix");

describe("identity authorization matrix", () => {
  it("refuses every procedure to callers without a session, a professional, an admin lacking the permission, and never lets a sibling unit read or change 济南's data", async () => {
    const victim = await seedIdentityVictim(t);
    const callers = await identityCallers(t.fixture);
    const result = await runAuthorizationMatrix({
      router: createIdentityRouter(t.app.deps),
      world: victim,
      cases: identityCases,
      callers,
      ...identitySentinels(t.fixture, victim),
    });
    console.log(matrixSummary("identity", result));
    if (process.env.MATRIX_OUTCOMES) console.log(result.outcomes.join("\n"));
    expect(result.problems).toEqual([]);
    // 济南's objects are as they were: the department, the role, the admin, the transfer.
    const [dept, role, admin, transfer] = await Promise.all([
      t.app.db.department.findUniqueOrThrow({ where: { id: victim.departmentId } }),
      t.app.db.role.findUniqueOrThrow({ where: { id: victim.roleId } }),
      t.app.db.admin.findUniqueOrThrow({ where: { id: victim.adminId } }),
      t.app.db.transfer.findUniqueOrThrow({ where: { id: victim.transferId } }),
    ]);
    expect([dept.name, dept.status, role.name, admin.status, transfer.status]).toEqual(["济南机密科", "ACTIVE", "济南审核角色", "ACTIVE", "PENDING"]);
  });
});
