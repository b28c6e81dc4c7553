// professional_name_grams (migration 0013): the rows 专业技术人员信息查询 reads for a one- or
// two-character 姓名 follow the replica through registration, approval, a rename, a transfer to
// another city, a stale snapshot and a removal — always equal to the grams of the 审核通过 names
// the replica holds — and the search through them answers as the contains-search does.
import { testEnvelope } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { adminClient, useReporting } from "./support/boot.ts";
import { bootFed, enterpriseUnderAt, professional, provinceCitiesAt, publishSettled, transferredAt } from "./support/events.ts";

const JAN = "2025-01-01T02:00:00.000Z";
const { province, jinan, qingdao } = provinceCitiesAt(JAN);
const jnBus = enterpriseUnderAt(JAN, jinan, "济南公交集团");
const qdMetro = enterpriseUnderAt(JAN, qingdao, "青岛地铁集团");

const t = useReporting(async () => ({ sys: await bootFed("namegrams", [[province, jinan, qingdao, jnBus, qdMetro]]) }));

const publish = async (type: string, data: unknown) => {
  await publishSettled(t.sys, [testEnvelope(`ce.identity.professional.${type}.v1`, data)]);
};

/** The grams table, and the grams of the 审核通过 names the replica holds, as sorted lines. */
async function grams() {
  const db = t.sys.app.db;
  const line = (rows: Array<{ gram: string; name: string; unit: string }>) => rows.map((r) => `${r.gram} ${r.name} ${r.unit}`).sort();
  return {
    held: line(
      await db.$queryRaw`SELECT g.gram, g.name, u.name AS unit FROM reporting.professional_name_grams g JOIN reporting.unit_replica u ON u.id = g.unit_id`,
    ),
    fromReplica: line(
      await db.$queryRaw`SELECT g.gram, r.name, u.name AS unit FROM reporting.professional_replica r JOIN reporting.unit_replica u ON u.id = r.unit_id
        CROSS JOIN LATERAL unnest(reporting.name_grams(r.name)) AS g(gram) WHERE r.status = 'APPROVED'`,
    ),
  };
}

/** What each admin finds by `text` (names), and the 共N条. */
async function search(text: string) {
  const ask = async (u: typeof province) => {
    const page = await (await adminClient(t.sys, u)).statistics.professionals.query({ name: text });
    return { names: page.items.map((i) => i.name), total: page.total };
  };
  return { province: await ask(province), jinan: await ask(jinan), qingdao: await ask(qingdao) };
}

describe("professional_name_grams", () => {
  const wang = professional("王小明", jnBus, { status: "PENDING" });
  const li = professional("李小红", jnBus, { status: "APPROVED" });

  it("holds the grams of the 审核通过 names only, and finds people by one or two characters in scope", async () => {
    await publish("registered", wang);
    await publish("registered", li);
    expect((await grams()).held).toEqual((await grams()).fromReplica);
    expect((await grams()).held).toHaveLength(5); // 李, 李小, 小, 小红, 红 — 王小明 is pending
    await publish("approved", { ...wang, status: "APPROVED", version: 2 });
    const g = await grams();
    expect(g.held).toEqual(g.fromReplica);
    expect(await search("小")).toEqual({
      province: { names: ["李小红", "王小明"].sort(), total: 2 },
      jinan: { names: ["李小红", "王小明"].sort(), total: 2 },
      qingdao: { names: [], total: 0 },
    });
    expect((await search("小明")).province).toEqual({ names: ["王小明"], total: 1 });
  });

  it("follows a rename, ignores a stale snapshot, and follows a transfer to another city", async () => {
    const renamed = { ...wang, name: "王晓明", status: "APPROVED" as const, version: 3 };
    await publish("updated", renamed);
    await publish("updated", { ...wang, name: "王旧名", status: "APPROVED", version: 2 });
    let g = await grams();
    expect(g.held).toEqual(g.fromReplica);
    expect((await search("小明")).province.total).toBe(0);
    expect((await search("晓明")).province).toEqual({ names: ["王晓明"], total: 1 });

    const moved = { ...renamed, unitId: qdMetro.data.unitId, unitPath: qdMetro.data.path, version: 4 };
    await publishSettled(t.sys, [transferredAt("2026-05-01T02:00:00.000Z", renamed, moved)]);
    g = await grams();
    expect(g.held).toEqual(g.fromReplica);
    expect(await search("晓")).toEqual({
      province: { names: ["王晓明"], total: 1 },
      jinan: { names: [], total: 0 },
      qingdao: { names: ["王晓明"], total: 1 },
    });
  });

  it("loses a professional removed by an undone 批量导入", async () => {
    await publish("removed", { accountId: li.accountId, unitId: li.unitId, unitPath: li.unitPath, reason: "IMPORT_UNDONE", version: 2 });
    const g = await grams();
    expect(g.held).toEqual(g.fromReplica);
    expect((await search("李")).province.total).toBe(0);
  });
});
