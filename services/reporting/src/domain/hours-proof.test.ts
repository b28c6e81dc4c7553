import { describe, expect, it } from "vitest";
import type { HourRecord } from "./hour-record.ts";
import { maskName, type ProofContent, proofNumber, proofYearHours, REISSUED_REASON, revocationReason, sameContent, sameHours } from "./hours-proof.ts";

const record = (over: Partial<HourRecord>): HourRecord => ({
  declarationId: "00000000-0000-4000-8000-0000000000d1",
  accountId: "00000000-0000-4000-8000-0000000000a1",
  unitId: "00000000-0000-4000-8000-0000000000b1",
  unitPath: "/p/b1/",
  year: 2026,
  subject: "PROFESSIONAL",
  formCode: "JOB_TRAINING",
  recognizedHours: 40,
  status: "APPROVED",
  statusAt: new Date("2026-03-20T01:00:00.000Z"),
  submittedAt: new Date("2026-03-10T01:00:00.000Z"),
  approvedAt: new Date("2026-03-20T01:00:00.000Z"),
  rejectedAt: null,
  withdrawnAt: null,
  filedAt: null,
  voidedAt: null,
  ...over,
});

describe("maskName", () => {
  it.each([
    ["王", "王"],
    ["张三", "张*"],
    ["王小明", "王*明"],
    ["欧阳小明", "欧**明"],
    [" 李四 ", "李*"],
    ["𠀀二三", "𠀀*三"],
    ["", ""],
  ])("%s → %s", (name, masked) => expect(maskName(name)).toBe(masked));
});

describe("proofYearHours", () => {
  it("sums the year's approved, unvoided 认定学时 per subject type", () => {
    const records = [
      record({ declarationId: "a", subject: "GENERAL", recognizedHours: 30 }),
      record({ declarationId: "b", subject: "PROFESSIONAL", recognizedHours: 40 }),
      record({ declarationId: "c", subject: "PROFESSIONAL", recognizedHours: 20, filedAt: new Date("2026-05-01T00:00:00Z") }),
      // voided (审验不通过 or 作废): not counted
      record({ declarationId: "d", subject: "PROFESSIONAL", recognizedHours: 50, voidedAt: new Date("2026-07-15T01:00:00Z") }),
      // not approved yet, or another year
      record({ declarationId: "e", subject: "GENERAL", recognizedHours: null, approvedAt: null, status: "PENDING" }),
      record({ declarationId: "f", year: 2025, subject: "GENERAL", recognizedHours: 90 }),
    ];
    expect(proofYearHours(records, 2026)).toEqual({ general: 30, professional: 60 });
    expect(proofYearHours(records, 2025)).toEqual({ general: 90, professional: 0 });
    expect(proofYearHours(records, 2024)).toEqual({ general: 0, professional: 0 });
  });
});

describe("sameContent / sameHours", () => {
  const held: ProofContent = {
    nameMasked: "王*明",
    idNumberMasked: "370102********1234",
    unitName: "济南公交",
    general: 30,
    professional: 60,
    compliant: true,
  };
  it("is the same only when every printed figure and name is", () => {
    expect(sameContent(held, { ...held })).toBe(true);
    for (const change of [
      { general: 29 },
      { professional: 61 },
      { compliant: false },
      { unitName: "青岛地铁" },
      { nameMasked: "王*" },
      { idNumberMasked: "x" },
    ]) {
      expect(sameContent(held, { ...held, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
  it("compares the hours alone for the handlers", () => {
    expect(sameHours(held, { general: 30, professional: 60 })).toBe(true);
    expect(sameHours(held, { general: 30, professional: 20 })).toBe(false);
  });
});

describe("proofNumber and reasons", () => {
  it("prints XSZM, the year and an 8-digit serial", () => {
    expect(proofNumber(2026, 1)).toBe("XSZM202600000001");
    expect(proofNumber(2025, 12345678)).toBe("XSZM202512345678");
  });
  it("names the event that revoked a proof, with hours' reason, and only for the two that stop hours counting", () => {
    expect(revocationReason("auditFailed", "证书不符")).toBe("学时审验不通过（证书不符）");
    expect(revocationReason("voided", null)).toBe("学时记录已作废");
    expect(revocationReason("approved", null)).toBeNull();
    expect(revocationReason("audited", "x")).toBeNull();
    expect(REISSUED_REASON).toContain("重新开具");
  });
});
