import { once } from "node:events";
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type ExtractFormat, PERSON_YEAR_COLUMNS, type PersonYearExtractInput } from "@ce/contracts";
import { openParquetFile } from "../../db/parquet-file.ts";
import { forEachPersonYear, type PersonYearCombination, type PersonYearQuery, personYearCombinations } from "../../db/person-years.ts";
import { subtreeAsOf } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { planRelease, type ReleasePlan, releasedIdentifiers } from "../../domain/disclosure-control.ts";
import {
  checkExtractSize,
  csvLine,
  type ExtractUnit,
  type ExtractValue,
  type ExtractYear,
  extractYears,
  personYearRow,
  quasiIdentifiersOf,
} from "../../domain/person-year-extract.ts";
import { answerFinal, knownUnits, statisticDate } from "../../domain/professional-counts.ts";
import { unitInCallerScope } from "../statistics/scope.ts";

/** Whose data an extract holds: a unit's subtree (as it stood each year) within `scopePath` (today's scope). */
export interface ExtractScope {
  unitId: string;
  scopePath: string;
}

/** An extract checked and sized, ready to write: its years with the units of each, its rows and the rows disclosure control will suppress (as counted when planned). */
export interface PersonYearPlan {
  asOf: string;
  /** Whether 统计时间 has ended on the Beijing calendar (domain answerFinal): the same extract asked later is the same file. */
  final: boolean;
  fromYear: number;
  toYear: number;
  format: ExtractFormat;
  /** Rows the file will hold (released), as counted when planned. */
  rows: number;
  /** Rows left out by disclosure control (a combination still below k with every quasi-identifier generalised), as counted when planned. */
  suppressed: number;
  years: Array<ExtractYear & { units: Map<string, ExtractUnit> }>;
}

/**
 * Checks and sizes a person-year extract (issue 11 item 3) of `scope` — before any byte is sent,
 * so a refusal is a clean answer: 统计时间 (default today) not after today, 结束年度 not after its
 * year, the scope's unit known and inside scopePath, at most EXTRACT_MAX_ROWS rows. Each year's
 * units are the scope unit's subtree as it stood at that year's `peopleAt` (domain extractYears);
 * its rows and suppressed rows are what disclosure control (domain planRelease) makes of the
 * year's combinations now (the file itself is planned again on its own snapshot, so they may
 * differ by the changes of the moments between). Raises DomainError BAD_REQUEST on asOf / toYear /
 * fromYear, NOT_FOUND on unitId.
 */
export async function planPersonYearExtract(deps: ReportingDeps, scope: ExtractScope, input: PersonYearExtractInput): Promise<PersonYearPlan> {
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = statisticDate(input.asOf, now);
  const root = await unitInCallerScope(deps, scope.unitId, scope.scopePath, "unitId", "单位");
  const years: PersonYearPlan["years"] = [];
  let rows = 0;
  let suppressed = 0;
  for (const y of extractYears(input.fromYear, input.toYear, asOf)) {
    const units = knownUnits(await subtreeAsOf(deps.db, root.id, scope.scopePath, y.peopleAt));
    const byId = new Map(units.map((u) => [u.unitId, { name: u.name, kind: u.kind, region: u.region }]));
    const year = { ...y, units: byId };
    const release = yearRelease(year, await personYearCombinations(deps.db, yearQuery(year)));
    rows += release.released;
    suppressed += release.suppressed;
    years.push(year);
  }
  checkExtractSize(rows + suppressed);
  return { asOf, final: answerFinal(asOf, now), fromYear: input.fromYear, toYear: input.toYear, format: input.format, rows, suppressed, years };
}

type PlannedYear = PersonYearPlan["years"][number];
const yearQuery = (y: PlannedYear): PersonYearQuery => ({ ...y, unitIds: [...y.units.keys()] });

/** Disclosure control of one year: its combinations with each unit's 地区 then (domain planRelease, k = DISCLOSURE_K). */
function yearRelease(y: PlannedYear, combinations: readonly PersonYearCombination[]): ReleasePlan {
  return planRelease(
    combinations.map((c) => ({
      q: quasiIdentifiersOf({ ...c, educationCode: c.education, accountId: "", general: 0, professional: 0, records: 0 }, y.units.get(c.unitId)),
      rows: c.rows,
    })),
  );
}

/** What writing an extract did: the rows written and those disclosure control left out. */
export interface ExtractWritten {
  rows: number;
  suppressed: number;
}

/**
 * The planned extract's rows, year after year, `onRows` awaited per batch (the writer's
 * back-pressure): each year's combinations counted on the cursor's own snapshot and planned by
 * disclosure control (domain planRelease), each row's quasi-identifiers released as planned or
 * the row left out, and pseudonymised with `pseudonymKey` (domain personYearRow).
 */
async function eachRow(
  deps: ReportingDeps,
  plan: PersonYearPlan,
  pseudonymKey: Buffer,
  onRows: (rows: ExtractValue[][]) => Promise<void>,
): Promise<ExtractWritten> {
  const done: ExtractWritten = { rows: 0, suppressed: 0 };
  for (const y of plan.years) {
    let release: ReleasePlan | null = null;
    await forEachPersonYear(
      deps.db,
      yearQuery(y),
      async (batch) => {
        const out: ExtractValue[][] = [];
        for (const facts of batch) {
          const unit = y.units.get(facts.unitId);
          const released = release ? releasedIdentifiers(release, quasiIdentifiersOf(facts, unit)) : null;
          if (released === null) done.suppressed++;
          else out.push(personYearRow(facts, y.year, unit, pseudonymKey, deps.complianceRules, released));
        }
        done.rows += out.length;
        if (out.length > 0) await onRows(out);
      },
      {
        onSnapshot: async (tx) => {
          release = yearRelease(y, await personYearCombinations(tx, yearQuery(y)));
        },
      },
    );
  }
  return done;
}

/** Writes `text` to `out`, waiting for it to drain when its buffer is full (constant memory whatever the size). */
async function write(out: Writable, text: string | Buffer): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Writes the planned extract to `out` (an HTTP response whose headers are set) in its format and
 * ends it: CSV streamed as the cursor reads (UTF-8 with a BOM so Excel opens it, the columns'
 * names as the header); Parquet written to a temporary DuckDB database and file first (memory
 * bounded by DuckDB's memory_limit) and then streamed, the temporary directory removed after.
 * Returns the rows written and suppressed. A failure part-way rejects (the caller cuts the connection).
 */
export async function writePersonYearExtract(deps: ReportingDeps, plan: PersonYearPlan, pseudonymKey: Buffer, out: Writable): Promise<ExtractWritten> {
  if (plan.format === "csv") {
    await write(out, `\uFEFF${csvLine(PERSON_YEAR_COLUMNS.map((c) => c.name))}`);
    const rows = await eachRow(deps, plan, pseudonymKey, (rows) => write(out, rows.map(csvLine).join("")));
    out.end();
    return rows;
  }
  const parquet = await openParquetFile(PERSON_YEAR_COLUMNS);
  try {
    const rows = await eachRow(deps, plan, pseudonymKey, async (rows) => parquet.append(rows));
    await pipeline(createReadStream(await parquet.finish()), out);
    return rows;
  } finally {
    await parquet.dispose();
  }
}

/** The file name of an extract: 人年抽取_<from>-<to>_统计时间<date>.<csv|parquet>. */
export const extractFileName = (plan: PersonYearPlan): string => `人年抽取_${plan.fromYear}-${plan.toYear}_统计时间${plan.asOf}.${plan.format}`;
