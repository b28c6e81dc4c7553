import { describe, expect, it } from "vitest";
import type { HourRecord } from "./hour-record.ts";
import { learningYears, recordAsOf } from "./learning-record.ts";

const t = (iso: string) => new Date(iso);
const record = (over: Partial<HourRecord>): HourRecord => ({
  declarationId: "00000000-0000-4000-8000-000000000001",
  accountId: "00000000-0000-4000-8000-00000000000a",
  unitId: "00000000-0000-4000-8000-00000000000b",
  unitPath: "/b/",
  year: 2026,
  subject: "PROFESSIONAL",
  formCode: "JOB_TRAINING",
  recognizedHours: 60,
  status: "VOIDED",
  statusAt: t("2026-07-15T02:00:00.000Z"),
  submittedAt: t("2026-03-01T02:00:00.000Z"),
  approvedAt: t("2026-04-01T02:00:00.000Z"),
  rejectedAt: null,
  withdrawnAt: null,
  filedAt: null,
  voidedAt: t("2026-07-15T02:00:00.000Z"),
  ...over,
});

describe("recordAsOf", () => {
  // One record submitted 03-01, approved 04-01, voided 07-15; and variants.
  it.each([
    ["before it was submitted", {}, "2026-02-28T00:00:00.000Z", null],
    ["submitted, waiting", {}, "2026-03-15T00:00:00.000Z", { status: "PENDING", counted: false, recognizedHours: null, voidedAt: null }],
    ["approved, counting", {}, "2026-06-30T15:59:59.999Z", { status: "APPROVED", counted: true, recognizedHours: 60, voidedAt: null }],
    ["voided", {}, "2026-07-20T00:00:00.000Z", { status: "VOIDED", counted: false, recognizedHours: 60 }],
    [
      "rejected",
      { approvedAt: null, voidedAt: null, recognizedHours: null, rejectedAt: t("2026-03-03T02:00:00.000Z") },
      "2026-07-20T00:00:00.000Z",
      { status: "REJECTED", counted: false },
    ],
    [
      "withdrawn",
      { approvedAt: null, voidedAt: null, recognizedHours: null, withdrawnAt: t("2026-03-02T02:00:00.000Z") },
      "2026-07-20T00:00:00.000Z",
      { status: "WITHDRAWN", counted: false },
    ],
    [
      "filed at the instant of its approval",
      { voidedAt: null, filedAt: t("2026-04-01T02:00:00.000Z") },
      "2026-07-20T00:00:00.000Z",
      { status: "FILED", counted: true },
    ],
    [
      "approved without a submitted event",
      { submittedAt: null, voidedAt: null },
      "2026-06-30T00:00:00.000Z",
      { status: "APPROVED", counted: true, submittedAt: null },
    ],
  ])("%s", (_case, over, at, expected) => {
    const r = recordAsOf(record(over as Partial<HourRecord>), t(at));
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatchObject(expected);
  });

  it("hides the steps after the instant", () => {
    const r = recordAsOf(record({}), t("2026-06-30T00:00:00.000Z"));
    expect(r?.voidedAt).toBeNull();
    expect(r?.approvedAt?.toISOString()).toBe("2026-04-01T02:00:00.000Z");
  });
});

describe("learningYears", () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const records = [
    record({ declarationId: id(1), subject: "PROFESSIONAL", recognizedHours: 60 }), // voided 07-15
    record({ declarationId: id(2), subject: "GENERAL", recognizedHours: 30, voidedAt: null, approvedAt: t("2026-03-05T02:00:00.000Z") }),
    record({ declarationId: id(3), subject: "GENERAL", recognizedHours: 10, approvedAt: null, voidedAt: null, submittedAt: t("2026-06-20T02:00:00.000Z") }),
    record({ declarationId: id(4), year: 2025, recognizedHours: 100, voidedAt: null, submittedAt: null, approvedAt: t("2025-06-01T02:00:00.000Z") }),
    record({ declarationId: id(5), year: 2027, submittedAt: t("2026-07-18T02:00:00.000Z"), approvedAt: null, voidedAt: null }),
  ];
  const judge = (_year: number, h: { general: number; professional: number }) =>
    h.general + h.professional >= 90 && h.professional * 3 >= (h.general + h.professional) * 2;

  it("sums the hours that counted on 2026-06-30 per year, newest year first, with the records that existed then", () => {
    const years = learningYears(records, t("2026-06-30T15:59:59.999Z"), judge);
    expect(years.map(({ records: r, ...y }) => [y, r.map((x) => x.declarationId)])).toEqual([
      [{ year: 2026, general: 30, professional: 60, total: 90, compliant: true }, [id(3), id(1), id(2)]], // 1 and 2 both submitted 03-01: by id
      [{ year: 2025, general: 0, professional: 100, total: 100, compliant: true }, [id(4)]],
    ]);
  });

  it("judges 2026 again after the voiding, and shows the record submitted since", () => {
    const years = learningYears(records, t("2026-07-20T15:59:59.999Z"), judge);
    expect(years.map(({ records: _r, ...y }) => y)).toEqual([
      { year: 2027, general: 0, professional: 0, total: 0, compliant: false },
      { year: 2026, general: 30, professional: 0, total: 30, compliant: false },
      { year: 2025, general: 0, professional: 100, total: 100, compliant: true },
    ]);
  });
});
