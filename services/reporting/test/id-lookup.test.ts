// Issue 8 fault 2 as a kind, in reporting: 专业技术人员信息查询 and 学习记录验证 find people by a full
// 证件号 typed by an admin with 查询统计. A masked ID number leaves about 33 numbers open (month and
// day hidden, the last character a check character), so unlimited exact searches turn the mask
// into the number without a logged reveal. The searches share the one budget (contracts
// idLookupLimits) with identity's lookups and each is logged with whom it found.
import { generateResidentId, ID_LOOKUP_TOO_MANY_MESSAGE, idLookupLimits, maskIdNumber } from "@ce/contracts";
import { residentIdsFittingMask } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { adminClient, useReporting } from "./support/boot.ts";
import { bootFed, JAN, jinanBusTree, professional, professionalAt, publishSettled } from "./support/events.ts";
import { refusal } from "./support/refusal.ts";
import { blindIndex } from "./support/statistics-fixture.ts";

const { province, jinan, qingdao, bus } = jinanBusTree(JAN);
const VICTIM_ID = generateResidentId("370102", new Date(Date.UTC(1990, 4, 17)), 773);
const victim = professional("王受害", bus, {
  status: "APPROVED",
  idNumberHash: blindIndex(VICTIM_ID),
  idNumberMasked: maskIdNumber(VICTIM_ID),
  registeredAt: "2025-01-05T02:00:00.000Z",
});

const t = useReporting(async () => ({
  sys: await bootFed("idlookup", [[province, jinan, bus, professionalAt("registered", "2025-01-05T02:00:00.000Z", victim)]]),
}));

/** A 济南 admin with 查询统计, browsing from `ip`. */
const prober = (ip: string) => adminClient(t.sys, jinan, { ip });

const logOf = (ip: string) => t.sys.app.db.idLookupLog.findMany({ where: { clientIp: ip }, orderBy: { id: "asc" } });
const TOO_MANY = { code: "TOO_MANY_REQUESTS", fields: { idNumber: [ID_LOOKUP_TOO_MANY_MESSAGE] } };

describe("turning a masked ID number into the full one through 查询统计", () => {
  it("is stopped after the day's budget, across 信息查询 and 学习记录验证, and every answered search is logged with whom it found", async () => {
    const candidates = residentIdsFittingMask(VICTIM_ID);
    expect(candidates.length).toBeGreaterThan(25);
    expect(new Set(candidates.map(maskIdNumber))).toEqual(new Set([maskIdNumber(VICTIM_ID)]));
    // The victim's number comes early (11th, a 信息查询 search), as it would for an unlucky order.
    const others = candidates.filter((c) => c !== VICTIM_ID);
    const order = [...others.slice(0, 10), VICTIM_ID, ...others.slice(10)];
    const ip = "198.51.100.31";
    const api = await prober(ip);
    let answered = 0;
    let stoppedAt: number | null = null;
    for (const [i, idNumber] of order.entries()) {
      const call = i % 2 === 0 ? api.statistics.professionals.query({ idNumber }) : api.statistics.verifyLearning.query({ idNumber });
      const refused = await refusal(call);
      if (refused) {
        expect(refused).toEqual(TOO_MANY);
        stoppedAt ??= i;
      } else {
        expect(stoppedAt, "a search answered after the budget was spent").toBeNull();
        answered++;
      }
    }
    expect(answered).toBe(idLookupLimits.perAccount.max);
    expect(stoppedAt).toBe(idLookupLimits.perAccount.max);
    // Spent: even the right number, typed again, is refused — and so is one of another type.
    expect(await refusal(api.statistics.professionals.query({ idNumber: VICTIM_ID }))).toEqual(TOO_MANY);
    expect(await refusal(api.statistics.verifyLearning.query({ idNumber: "E12345678" }))).toEqual(TOO_MANY);
    // A search without 证件号 is no lookup: still answered, and not logged.
    expect((await api.statistics.professionals.query({ name: "王受害" })).items.map((p) => p.name)).toEqual(["王受害"]);

    const log = await logOf(ip);
    expect(log).toHaveLength(idLookupLimits.perAccount.max);
    expect(new Set(log.map((l) => l.viewerId)).size).toBe(1);
    expect(log.every((l) => l.requestId && ["专业技术人员信息查询：按证件号查询", "学习记录验证：按证件号查验"].includes(l.purpose))).toBe(true);
    expect(log.filter((l) => l.found.length > 0).map((l) => l.found)).toEqual([[victim.accountId]]);
    expect(JSON.stringify(log, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(VICTIM_ID);
  });

  it("limits the searches of one address across callers, and leaves other addresses alone", async () => {
    const ip = "198.51.100.32";
    let answered = 0;
    for (let caller = 0; caller * idLookupLimits.perAccount.max < idLookupLimits.perIp.max + idLookupLimits.perAccount.max; caller++) {
      const api = await prober(ip);
      for (let i = 0; i < idLookupLimits.perAccount.max; i++) {
        if (!(await refusal(api.statistics.verifyLearning.query({ idNumber: VICTIM_ID })))) answered++;
      }
    }
    expect(answered).toBe(idLookupLimits.perIp.max);
    expect(await logOf(ip)).toHaveLength(idLookupLimits.perIp.max);
    expect(await refusal((await prober(ip)).statistics.professionals.query({ idNumber: VICTIM_ID }))).toEqual(TOO_MANY);
    expect((await (await prober("198.51.100.33")).statistics.professionals.query({ idNumber: VICTIM_ID })).items.map((p) => p.name)).toEqual(["王受害"]);
  });

  it("keeps another unit's person out of the answer and the log alike", async () => {
    await publishSettled(t.sys, [qingdao]);
    const ip = "198.51.100.34";
    const api = await adminClient(t.sys, qingdao, { ip });
    expect((await api.statistics.professionals.query({ idNumber: VICTIM_ID })).total).toBe(0);
    expect((await logOf(ip)).map((l) => l.found)).toEqual([[]]);
  });
});
