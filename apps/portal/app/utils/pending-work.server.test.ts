import type { Me, Permission } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import type { Api } from "./api.server.ts";
import { pendingWork } from "./pending-work.server.ts";

// 首页 › 待办事项 (new-user pass F24): one count per queue the viewer's menu opens, and only those.
const viewer = (permissions: Permission[], userType: Me["userType"] = "AUTHORITY"): Me => ({
  accountId: "5d0c8a4e-8a56-4f3c-9d1e-0a3a4f2b7c11",
  name: "王管理",
  userType,
  unitId: null,
  unitName: "济南市交通运输局",
  unitKind: userType === "PROFESSIONAL" ? null : userType,
  unitDepth: 1,
  isProvince: false,
  isSuperAdmin: false,
  permissions,
  mustChangePassword: false,
});

/** A fake Api answering each list with `totals[name]` rows and recording what was asked; a name with no total fails. */
function fakeApi(totals: Record<string, number>) {
  const asked: string[] = [];
  const list = (name: string) => ({
    query: async (input: unknown) => {
      asked.push(`${name} ${JSON.stringify(input)}`);
      if (!(name in totals)) throw new Error("service down");
      return { items: [], page: 1, pageSize: 1, total: totals[name] };
    },
  });
  const api = {
    identity: {
      review: { employers: list("employers"), professionals: list("professionals") },
      profileChanges: { list: list("profileChanges") },
      transfers: { list: list("transfers") },
      unitChanges: { list: list("unitChanges") },
    },
    hours: { approvals: { list: list("approvals") } },
  } as unknown as Api;
  return { api, asked };
}

const ALL = { employers: 2, professionals: 0, profileChanges: 1, transfers: 3, unitChanges: 0, approvals: 7 };

describe("pendingWork", () => {
  it.each<[string, Permission[], string[]]>([
    ["no review module", ["stats.view", "department.manage"], []],
    ["学时审批 only", ["hours.approve"], ["学时审批 7"]],
    ["人员调转 only: transfers coming in, pending", ["transfer.manage"], ["人员调转 3"]],
    [
      "every queue, in the menu's order",
      ["review.employer", "review.professional", "review.profileChange", "transfer.manage", "review.unitChange", "hours.approve"],
      ["审核用人单位 2", "审核注册人员 0", "审核人员信息修改 1", "人员调转 3", "审核机构信息修改 0", "学时审批 7"],
    ],
  ])("%s", async (_, permissions, lines) => {
    const { api, asked } = fakeApi(ALL);
    const work = await pendingWork(api, viewer(permissions));
    expect(work.map((w) => `${w.label} ${w.count}`)).toEqual(lines);
    expect(asked).toHaveLength(lines.length);
    expect(asked.every((a) => a.includes('"pageSize":1'))).toBe(true);
  });

  it("asks for transfers coming in and still pending, and unit changes on the pending tab", async () => {
    const { api, asked } = fakeApi(ALL);
    await pendingWork(api, viewer(["transfer.manage", "review.unitChange"]));
    expect(asked).toEqual(['transfers {"page":1,"pageSize":1,"direction":"in","status":"PENDING"}', 'unitChanges {"page":1,"pageSize":1,"tab":"PENDING"}']);
  });

  it("reads a queue whose service fails as null and still counts the others", async () => {
    const { api } = fakeApi({ employers: 4 });
    const work = await pendingWork(api, viewer(["review.employer", "hours.approve"]));
    expect(work).toEqual([
      { path: "/reviews/employers", label: "审核用人单位", count: 4 },
      { path: "/hours/approvals", label: "学时审批", count: null },
    ]);
  });

  it("asks nothing for a professional", async () => {
    const { api, asked } = fakeApi(ALL);
    expect(await pendingWork(api, viewer(["hours.approve"], "PROFESSIONAL"))).toEqual([]);
    expect(asked).toEqual([]);
  });
});
