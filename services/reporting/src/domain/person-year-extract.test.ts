import { DomainError, EXTRACT_MAX_ROWS, NATIONAL_RULE, PERSON_YEAR_COLUMNS } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { generalise } from "./disclosure-control.ts";
import {
  checkExtractSize,
  csvLine,
  extractYears,
  personKey,
  personYearRow,
  personYearsOf,
  quasiIdentifiersOf,
  unitPseudonymKey,
} from "./person-year-extract.ts";

const secret = Buffer.alloc(32, 7);
const rules = [{ ...NATIONAL_RULE, year: null, region: null }];

describe("extractYears", () => {
  it("reads a past year's people at its end and 统计时间's year at 统计时间, hours always at 统计时间 (Beijing days)", () => {
    expect(extractYears(2025, 2026, "2026-06-30")).toEqual([
      { year: 2025, peopleAt: new Date("2025-12-31T15:59:59.999Z"), hoursAt: new Date("2026-06-30T15:59:59.999Z") },
      { year: 2026, peopleAt: new Date("2026-06-30T15:59:59.999Z"), hoursAt: new Date("2026-06-30T15:59:59.999Z") },
    ]);
  });

  it("refuses a 结束年度 after 统计时间's year, naming toYear", () => {
    const e = (() => {
      try {
        extractYears(2026, 2027, "2026-12-31");
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: "BAD_REQUEST", field: "toYear", message: "结束年度不能晚于统计时间所在年度（2026）" });
  });
});

// A person registered (审核通过) in year Y — here 2025-03-01 10:00 Beijing — asked about Y−1, Y and Y+1:
// the person-year of Y−1 does not exist; Y and Y+1 do; a registration on 31 Dec at 23:30 Beijing counts
// for that year, one at 00:30 on 1 Jan for the next; a person no longer registered at a year's end has none.
describe("personYearsOf (ADR 016: registered at the year's end, or at 统计时间 in its year)", () => {
  const at = (iso: string) => new Date(iso);
  const registeredFrom = (from: string, until: string | null = null) => [
    { version: 1, eventId: "e1", occurredAt: at(from), validFrom: at("2024-06-01T00:00:00Z"), validTo: at(from), patch: {}, state: { status: "PENDING" } },
    { version: 2, eventId: "e2", occurredAt: at(from), validFrom: at(from), validTo: until ? at(until) : null, patch: {}, state: { status: "APPROVED" } },
  ];
  it.each<[string, ReturnType<typeof registeredFrom>, string, number[]]>([
    ["registered 2025-03-01, as of 2026-07-20", registeredFrom("2025-03-01T02:00:00Z"), "2026-07-20", [2025, 2026]],
    ["registered 2025-03-01, as of 2025-06-30", registeredFrom("2025-03-01T02:00:00Z"), "2025-06-30", [2025]],
    ["registered 2025-03-01, as of 2025-02-28 (not yet)", registeredFrom("2025-03-01T02:00:00Z"), "2025-02-28", []],
    ["registered 2024-12-31 23:30 Beijing", registeredFrom("2024-12-31T15:30:00Z"), "2026-07-20", [2024, 2025, 2026]],
    ["registered 2025-01-01 00:30 Beijing", registeredFrom("2024-12-31T16:30:00Z"), "2026-07-20", [2025, 2026]],
    ["registered 2025-03-01, left 2026-02-01", registeredFrom("2025-03-01T02:00:00Z", "2026-02-01T02:00:00Z"), "2026-07-20", [2025]],
  ])("%s → %j", (_case, history, asOf, expected) => {
    expect(personYearsOf(history, extractYears(2024, Number(asOf.slice(0, 4)), asOf))).toEqual(expected);
  });
});

describe("checkExtractSize", () => {
  it("takes EXTRACT_MAX_ROWS rows and refuses one more on fromYear", () => {
    expect(() => checkExtractSize(EXTRACT_MAX_ROWS)).not.toThrow();
    expect(() => checkExtractSize(EXTRACT_MAX_ROWS + 1)).toThrow(/超过单次抽取上限/);
  });
});

describe("pseudonym keys", () => {
  it("are 64 hex characters, the same for one unit's key and different for another unit's", () => {
    const a = unitPseudonymKey(secret, "11111111-1111-4111-8111-111111111111");
    const b = unitPseudonymKey(secret, "22222222-2222-4222-8222-222222222222");
    const id = "33333333-3333-4333-8333-333333333333";
    expect(personKey(a, id)).toMatch(/^[0-9a-f]{64}$/);
    expect(personKey(a, id)).toBe(personKey(unitPseudonymKey(secret, "11111111-1111-4111-8111-111111111111"), id));
    expect(personKey(a, id)).not.toBe(personKey(b, id));
    expect(personKey(a, id)).not.toContain(id.replace(/-/g, ""));
  });
});

describe("personYearRow", () => {
  const facts = {
    accountId: "33333333-3333-4333-8333-333333333333",
    unitId: "44444444-4444-4444-8444-444444444444",
    educationCode: "BACHELOR",
    titleSeries: "ENGINEERING",
    titleLevel: "INTERMEDIATE",
    general: 30,
    professional: 60,
    records: 2,
  };
  const unit = { name: "济南公交集团", kind: "EMPLOYER" as const, region: "370102" };
  const row = (over: Partial<Omit<typeof facts, "titleLevel">> & { titleLevel?: string | null } = {}, level = 0) => {
    const f = { ...facts, ...over };
    return Object.fromEntries(
      personYearRow(f, 2026, unit, secret, rules, generalise(quasiIdentifiersOf(f, unit), level)).map((v, i) => [PERSON_YEAR_COLUMNS[i]?.name, v]),
    );
  };

  it("gives every documented column, the code lists' names and 认定结果 by the yearly rule (90 学时, 2/3 专业)", () => {
    expect(row()).toEqual({
      person_key: personKey(secret, facts.accountId),
      year: 2026,
      unit_id: facts.unitId,
      unit_name: "济南公交集团",
      unit_kind: "EMPLOYER",
      region_code: "370102",
      title_series: "ENGINEERING",
      title_series_name: "工程技术",
      title_level: "INTERMEDIATE",
      title_level_name: "中级",
      education: "BACHELOR",
      education_name: "本科",
      general_hours: 30,
      professional_hours: 60,
      total_hours: 90,
      approved_records: 2,
      compliant: true,
      result: "合格",
    });
    expect(row({ general: 60, professional: 30 })).toMatchObject({ compliant: false, result: "不合格" });
  });

  it("prints what disclosure control generalised as * (a unit with its name and kind), the hours and 认定结果 still exact", () => {
    expect(row({}, 5)).toMatchObject({
      unit_id: "*",
      unit_name: "*",
      unit_kind: "*",
      region_code: "370100",
      title_series: "*",
      title_series_name: "*",
      title_level_name: "*",
      education: "*",
      education_name: "*",
      general_hours: 30,
      professional_hours: 60,
      result: "合格",
    });
    expect(row({}, 1)).toMatchObject({ unit_name: "济南公交集团", title_level: "INTERMEDIATE", education: "*", education_name: "*" });
  });

  it("leaves a code the lists do not know without a name, and a missing one empty", () => {
    expect(row({ titleSeries: "NO_SUCH", titleLevel: null })).toMatchObject({
      title_series: "NO_SUCH",
      title_series_name: null,
      title_level: null,
      title_level_name: null,
    });
  });
});

describe("csvLine", () => {
  it("quotes text, doubles quotes, neutralises formula-looking text and leaves numbers, booleans and nulls bare", () => {
    expect(csvLine(['a"b', "=1+1", 3, true, null])).toBe('"a""b","\'=1+1",3,true,\r\n');
  });
});
