import { pagerSummary } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { subordinatesWhere } from "../src/db/units.ts";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("units", ["sd", "jn", "qd", "jnApprover", "jnViewer", "professional"]);
const { tokens } = t;

const list = (who: keyof typeof tokens, input: { name?: string; nature?: "ENTERPRISE" | "GOVERNMENT"; page?: number; pageSize?: number } = {}) =>
  t.client({ token: tokens[who] }).units.listSubordinates.query(input);

describe("管理下级单位", () => {
  it("shows the province admin every approved unit below it: cities first, then their employers", async () => {
    const page = await list("sd");
    const { units } = t.fixture;
    expect(page.total).toBe(7);
    expect(
      page.items
        .map((u) => u.name)
        .slice(0, 3)
        .sort(),
    ).toEqual([units.base.name, units.jn.name, units.qd.name].sort());
    expect(
      page.items
        .slice(3)
        .map((u) => u.name)
        .sort(),
    ).toEqual([units.jnBus.name, units.jnMetro.name, units.qdMetro.name, units.qdPort.name].sort());
    expect(page.items.find((u) => u.name === units.jnBus.name)).toMatchObject({
      kind: "EMPLOYER",
      nature: "ENTERPRISE",
      superiorName: "济南市交通运输局",
      status: "APPROVED",
    });
    expect(page.items.find((u) => u.name === units.base.name)).toMatchObject({ kind: "TRAINING_BASE", trainingLevel: "INDUSTRY", industry: "P" });
  });

  it("never shows a unit itself, its superior or a unit still under review", async () => {
    const names = (await list("jn")).items.map((u) => u.name);
    expect(names.sort()).toEqual([t.fixture.units.jnBus.name, t.fixture.units.jnMetro.name].sort());
    expect(names).not.toContain(t.fixture.units.jnPending.name);
  });

  it("never shows the 济南 admin any 青岛 unit", async () => {
    const page = await list("jn", { name: "青岛" });
    expect(page).toMatchObject({ items: [], total: 0 });
    expect((await list("jn", { pageSize: 200 })).items.some((u) => u.name.includes("青岛"))).toBe(false);
    expect((await list("qd", { name: "青岛" })).total).toBe(2);
  });

  it("filters by part of the name and by nature, taking % literally", async () => {
    expect((await list("sd", { name: "地铁" })).items.map((u) => u.name)).toEqual(["青岛地铁集团有限公司"]);
    expect((await list("sd", { nature: "GOVERNMENT" })).items.map((u) => u.name).sort()).toEqual(["济南市交通运输局", "青岛市交通运输局"].sort());
    expect((await list("sd", { name: "%" })).total).toBe(0);
  });

  it("pages with the right totals", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list("sd", { page, pageSize: 2 })));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(pages.every((p) => p.total === 7 && p.pageSize === 2)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.items.map((u) => u.id))).size).toBe(7);
    expect(pagerSummary(4, 2, pages[3]?.total ?? 0).text).toBe("第4/4页 共7条 显示第7到7条");
  });

  it.each([
    // [page, pageSize] asked → the page served and what its pager prints
    [5, 2, 4, "第4/4页 共7条 显示第7到7条"],
    [1000, 2, 4, "第4/4页 共7条 显示第7到7条"],
    [2, 20, 1, "第1/1页 共7条 显示第1到7条"],
    [3, 3, 3, "第3/3页 共7条 显示第7到7条"],
  ])("serves page %i of size %i past the end as the last page (%i), the pager agreeing", async (page, pageSize, served, text) => {
    const result = await list("sd", { page, pageSize });
    expect(result.page).toBe(served);
    expect(result.items.length).toBeGreaterThan(0);
    expect(pagerSummary(result.page, result.pageSize, result.total).text).toBe(text);
  });

  it("refuses a page written as 1e3 rather than reading it as 1000", async () => {
    expect(await failure(list("sd", { page: "1e3" as unknown as number }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets an admin whose role grants 查看下级单位 list, and refuses one whose roles do not", async () => {
    expect((await list("jnViewer")).total).toBe(2);
    expect(await failure(list("jnApprover"))).toMatchObject({ code: "FORBIDDEN", message: "没有“查看下级单位”的权限" });
  });

  it("refuses a professional and an anonymous caller", async () => {
    expect((await failure(list("professional"))).code).toBe("FORBIDDEN");
    expect((await failure(t.client().units.listSubordinates.query({}))).code).toBe("UNAUTHORIZED");
  });

  it("finds the scope with one index range scan on the materialised path", async () => {
    const { path, id } = t.fixture.units.jn;
    const plan = await t.app.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off"); // a nine-row table would otherwise be scanned whole
      const rows = await tx.$queryRaw<
        { "QUERY PLAN": string }[]
      >`EXPLAIN SELECT u.id FROM identity.unit u WHERE ${subordinatesWhere({ scopePath: path, unitId: id }, {})}`;
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("unit_path_key");
    expect(plan).toMatch(/Index Cond: .*path ~>=~/);
  });
});
