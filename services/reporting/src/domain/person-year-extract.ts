// 人年抽取 (issue 11 item 3): which instants each year of an extract is read at, the pseudonymous
// person key, and one row's values — pure, so the CSV and the Parquet file hold the same rows.
import { createHmac, hkdfSync } from "node:crypto";
import {
  complianceVerdict,
  DomainError,
  EXTRACT_MAX_ROWS,
  educationName,
  endOfDay,
  PERSON_YEAR_COLUMNS,
  type ScopedComplianceRule,
  titleLevelName,
  titleSeriesName,
  type UnitKind,
} from "@ce/contracts";
import { GENERALISED, type QuasiIdentifiers } from "./disclosure-control.ts";
import { type HistoryInterval, intervalAt } from "./history.ts";
import { judgeYear } from "./professional-counts.ts";
import { checkYearWindow } from "./year-window.ts";

/**
 * The key a portal user's extracts are pseudonymised with: HKDF-SHA256 of the service's secret
 * (reporting's PII_INDEX_KEY bytes) for the caller's unit, so every admin of one unit gets the
 * same person keys across extracts, two units' keys cannot be linked, and nobody holding an
 * extract can recover the secret or an account id. 32 bytes.
 */
export function unitPseudonymKey(secret: Buffer, unitId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "ce/person-year-extract", `unit:${unitId}`, 32));
}

/**
 * The key an API token's extracts are pseudonymised with: HKDF-SHA256 of the same secret for the
 * token, so a token's keys are stable across its calls and unlinkable to any other token's or unit's.
 */
export function tokenPseudonymKey(secret: Buffer, tokenId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "ce/person-year-extract", `token:${tokenId}`, 32));
}

/** A person's key in an extract: HMAC-SHA256(key, account id), 64 hex characters; stable for one key. */
export function personKey(key: Buffer, accountId: string): string {
  return createHmac("sha256", key).update(accountId).digest("hex");
}

/**
 * One year of an extract: people and their unit, title and education are read as they stood at
 * `peopleAt` (the end of the year, or of 统计时间 when it falls within the year), and the year's
 * 认定学时 that count at `hoursAt` (the end of 统计时间: approved by then and not voided by then).
 * For 统计时间's own year both are the end of 统计时间 — exactly 专业技术人员数量查询 for that date.
 */
export interface ExtractYear {
  year: number;
  peopleAt: Date;
  hoursAt: Date;
}

/**
 * The years an extract reads, from 开始年度 to 结束年度, for 统计时间 `asOf` (YYYY-MM-DD). Raises
 * as checkYearWindow (a year before the platform's data or after 统计时间's, naming the field).
 */
export function extractYears(fromYear: number, toYear: number, asOf: string): ExtractYear[] {
  const hoursAt = endOfDay(asOf);
  const lastYear = checkYearWindow(fromYear, toYear, asOf);
  const years: ExtractYear[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    years.push({ year, peopleAt: year === lastYear ? hoursAt : endOfDay(`${year}-12-31`), hoursAt });
  }
  return years;
}

/**
 * The years of `years` in which a person-year of this person exists — the rule of ADR 016 that
 * 人年抽取 applies in SQL (db/person-years.ts): the person is registered (审核通过) at the year's
 * `peopleAt` (the end of the year, or of 统计时间 in its year) by their history (`validFrom ≤ at <
 * validTo`). So a person registered in year Y has no person-year Y−1 and has Y (registered before
 * its end). 学时达标情况 answers exactly these years. Pure.
 */
export function personYearsOf(history: ReadonlyArray<HistoryInterval<{ status: string }>>, years: readonly ExtractYear[]): number[] {
  return years.filter((y) => intervalAt(history, y.peopleAt)?.state.status === "APPROVED").map((y) => y.year);
}

/** Refuses an extract of more than EXTRACT_MAX_ROWS rows (DomainError BAD_REQUEST on `fromYear`), before any byte is written. */
export function checkExtractSize(rows: number): void {
  if (rows > EXTRACT_MAX_ROWS) {
    throw new DomainError("BAD_REQUEST", `抽取的数据共${rows}行，超过单次抽取上限${EXTRACT_MAX_ROWS}行，请缩小年度范围或单位范围`, "fromYear");
  }
}

/** A person's year as the query reads it: account, unit then, title and education then, the year's counted hours. */
export interface PersonYearFacts {
  accountId: string;
  unitId: string;
  educationCode: string | null;
  titleSeries: string | null;
  titleLevel: string | null;
  general: number;
  professional: number;
  records: number;
}

/** A unit as it stood when the year's people were read. */
export interface ExtractUnit {
  name: string | null;
  kind: UnitKind | null;
  region: string | null;
}

export type ExtractValue = string | number | boolean | null;

/** A code's Chinese name from its code list; null for no code or one the list does not know. */
const nameOrNull = (name: (code: string) => string | undefined, code: string | null): string | null => (code === null ? null : (name(code) ?? null));

/** A person-year's quasi-identifiers as they stood (domain disclosure-control.ts): unit, its 地区, title and education. Pure. */
export function quasiIdentifiersOf(facts: PersonYearFacts, unit: ExtractUnit | undefined): QuasiIdentifiers {
  return { unitId: facts.unitId, region: unit?.region ?? null, titleSeries: facts.titleSeries, titleLevel: facts.titleLevel, education: facts.educationCode };
}

/** A code's name, GENERALISED when the code is. */
const nameOf = (name: (code: string) => string | undefined, code: string | null) => (code === GENERALISED ? GENERALISED : nameOrNull(name, code));

/**
 * One row of the extract, its values in PERSON_YEAR_COLUMNS order: the person's key (never a name
 * or number), where they were, their title and education with the code lists' names — as
 * `released` gives them (disclosure control: a generalised one is "*", and a generalised unit
 * takes its name and kind with it) — and, always exact, the year's hours and 认定结果 by the
 * yearly rule for the unit's real region (judgeYear, as the statistics count).
 */
export function personYearRow(
  facts: PersonYearFacts,
  year: number,
  unit: ExtractUnit | undefined,
  key: Buffer,
  rules: readonly ScopedComplianceRule[],
  released: QuasiIdentifiers,
): ExtractValue[] {
  const compliant = judgeYear(rules, year, unit?.region ?? null, facts);
  const unitHidden = released.unitId === GENERALISED;
  const values: Record<(typeof PERSON_YEAR_COLUMNS)[number]["name"], ExtractValue> = {
    person_key: personKey(key, facts.accountId),
    year,
    unit_id: released.unitId,
    unit_name: unitHidden ? GENERALISED : (unit?.name ?? null),
    unit_kind: unitHidden ? GENERALISED : (unit?.kind ?? null),
    region_code: released.region,
    title_series: released.titleSeries,
    title_series_name: nameOf(titleSeriesName, released.titleSeries),
    title_level: released.titleLevel,
    title_level_name: nameOf(titleLevelName, released.titleLevel),
    education: released.education,
    education_name: nameOf(educationName, released.education),
    general_hours: facts.general,
    professional_hours: facts.professional,
    total_hours: facts.general + facts.professional,
    approved_records: facts.records,
    compliant,
    result: complianceVerdict(compliant),
  };
  return PERSON_YEAR_COLUMNS.map((c) => values[c.name]);
}

/** The CSV header line and rows (UTF-8; the writer adds the BOM): every text cell quoted, quotes doubled, formula-looking text neutralised, CRLF. */
export function csvLine(values: readonly ExtractValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

// A leading = + - @ TAB CR would make a spreadsheet run the cell as a formula (CSV injection): an apostrophe goes in front, as the portal's exports do.
const csvCell = (v: ExtractValue): string => {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return `"${v.replace(/^([=+\-@\t\r])/, "'$1").replace(/"/g, '""')}"`;
};
