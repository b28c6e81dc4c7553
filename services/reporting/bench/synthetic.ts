// Synthetic read models for the statistics benchmark, loaded straight into reporting's tables with
// COPY (no events; the COPY writer and the drop-index/load/re-index frame are copy-loader.ts): a province → 16 cities → employers tree, people with a registration, approval
// and sometimes a transfer (person_history), and their hour records over five years — approved on
// their unit's weekly approval day, some rejected, withdrawn, pending or voided. unit_figures is
// filled from the same rows by the handlers' own rule (domain personContribution), so the rollup
// the statistics read is the one the events would have built; title_figures likewise (domain titleContribution). Deterministic for a given size.
import { randomUUID } from "node:crypto";
import {
  addDays,
  educationLevels,
  endOfDay,
  maskIdNumber,
  residentIdCheckCharacter,
  SEEDED_COMPLIANCE_RULES,
  startOfDay,
  titleSeries,
  unitPath,
} from "@ce/contracts";
import { femaleGivenNames, maleGivenNames, surnames } from "../../identity/src/seed/names.ts";
import { pickWith, seededRandom } from "../../identity/src/seed/seeded-random.ts";
import { recordContribution } from "../src/domain/approved-hours.ts";
import { judgeYear } from "../src/domain/professional-counts.ts";
import { titleContribution } from "../src/domain/title-figures.ts";
import { type CountedRecord, type PersonSpan, personContribution } from "../src/domain/unit-figures.ts";
import { type BulkLoadReport, bulkLoad, CopyWriter, iso } from "./copy-loader.ts";

/** The tables the loader fills (every one reporting's statistics read). */
export const LOADED_TABLES = [
  "unit_replica",
  "unit_history",
  "professional_replica",
  "person_history",
  "hour_record",
  "unit_figures",
  "unit_approved_hours",
  "title_figures",
  "title_figures_now",
] as const;

export interface LoadSize {
  people: number;
  employers: number;
  /** Hour records per person and year, on average. */
  recordsPerPersonYear: number;
}

/** What the benchmark needs to know of the data it loaded: the tree, some people to look up. */
export interface Loaded extends BulkLoadReport<(typeof LOADED_TABLES)[number]> {
  province: { id: string; name: string; path: string };
  city: { id: string; name: string; path: string };
  /** The employer with the most people now, and its name. */
  biggestEmployer: { id: string; name: string };
  /** People to look up: their account, full name and 证件号 (the clear number never leaves the benchmark). */
  samples: Array<{ accountId: string; name: string; idNumber: string; unitPath: string }>;
}

const CITIES = [
  ["济南", "370100"],
  ["青岛", "370200"],
  ["淄博", "370300"],
  ["枣庄", "370400"],
  ["东营", "370500"],
  ["烟台", "370600"],
  ["潍坊", "370700"],
  ["济宁", "370800"],
  ["泰安", "370900"],
  ["威海", "371000"],
  ["日照", "371100"],
  ["临沂", "371300"],
  ["德州", "371400"],
  ["聊城", "371500"],
  ["滨州", "371600"],
  ["菏泽", "371700"],
] as const;
const EMPLOYER_WORDS = ["公交集团", "轨道交通", "港务集团", "高速公路", "交通工程", "公路局", "物流集团", "航运公司", "路桥集团", "交通设计院"];
const QUALIFICATION: Record<string, string> = { JUNIOR: "助理工程师", INTERMEDIATE: "工程师", DEPUTY_SENIOR: "高级工程师", FULL_SENIOR: "正高级工程师" };
const HOURS = [8, 10, 12, 16, 20, 24, 30, 32, 40];

// Surnames by frequency (the list is ordered): weight 1/√rank gives 王 about 7%, 李 5%, 张 4%, a long tail.
const surnameWeights = surnames.map((_, i) => 1 / Math.sqrt(i + 1));
const surnameTotal = surnameWeights.reduce((a, b) => a + b, 0);
const surnameCumulative: number[] = [];
for (const w of surnameWeights) surnameCumulative.push((surnameCumulative.at(-1) ?? 0) + w / surnameTotal);
const pickSurname = (r: number) =>
  surnames[
    Math.min(
      surnames.length - 1,
      surnameCumulative.findIndex((c) => r < c),
    )
  ] ?? surnames[0];

/**
 * Generates the data set of `opts.size` (deterministic: a fixed seed) and bulk-loads it into the
 * database at `url` (migrated, reporting tables empty) through copy-loader's bulkLoad. `today` is
 * the Beijing calendar date the data ends at; `blindIndex` the RESIDENT_ID blind index of a 证件号.
 */
export async function loadSynthetic(
  url: string,
  opts: { size: LoadSize; today: string; blindIndex: (idNumber: string) => string; log: (s: string) => void },
): Promise<Loaded> {
  const { result, counts, timings } = await bulkLoad(url, LOADED_TABLES, () => generate(url, opts), opts.log);
  return { ...result, counts, timings };
}

/** The generator: COPYs every table's rows and tells what the benchmark must know of them. */
async function generate(
  url: string,
  opts: { size: LoadSize; today: string; blindIndex: (idNumber: string) => string; log: (s: string) => void },
): Promise<Omit<Loaded, "counts" | "timings">> {
  const { size, today, blindIndex, log } = opts;
  const rand = seededRandom(20261130);
  const pick = pickWith(rand);
  const between = (from: Date, to: Date) => new Date(from.getTime() + Math.floor(rand() * (to.getTime() - from.getTime())));
  const todayEnd = endOfDay(today);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1, thisYear];

  const w = {
    units: await CopyWriter.open(
      url,
      "unit_replica",
      "id, name, kind, nature, industry, region, code, superior_id, path, status, training_level, version, updated_at",
    ),
    unitHistory: await CopyWriter.open(
      url,
      "unit_history",
      "unit_id, version, event_id, occurred_at, valid_from, valid_to, patch, superior_id, name, kind, status, region, path",
    ),
    people: await CopyWriter.open(
      url,
      "professional_replica",
      "account_id, name, id_number_masked, id_number_hash, unit_id, unit_path, status, education, title_series, title_level, major, certificate_no, registered_at, version, updated_at, qualification",
    ),
    personHistory: await CopyWriter.open(
      url,
      "person_history",
      "account_id, version, event_id, occurred_at, valid_from, valid_to, unit_id, status, education, title_series, title_level, qualification",
    ),
    records: await CopyWriter.open(
      url,
      "hour_record",
      "declaration_id, account_id, unit_id, unit_path, year, subject, form_code, recognized_hours, status, status_at, submitted_at, approved_at, rejected_at, withdrawn_at, filed_at, voided_at",
    ),
  };

  // The tree: created on 2020-01-01, never changed.
  const created = new Date("2020-01-01T02:00:00.000Z");
  const unit = (id: string, name: string, kind: string, region: string, superior: { id: string; path: string } | null) => {
    const path = unitPath(superior?.path ?? null, id);
    const nature = kind === "AUTHORITY" ? "GOVERNMENT" : "ENTERPRISE";
    w.units.row([id, name, kind, nature, "G", region, null, superior?.id ?? null, path, "APPROVED", null, 1, iso(created)]);
    const patch = JSON.stringify({ name, kind, status: "APPROVED", region, path, superiorId: superior?.id ?? null });
    w.unitHistory.row([id, 1, randomUUID(), iso(created), iso(created), null, patch, superior?.id ?? null, name, kind, "APPROVED", region, path]);
    return { id, name, path, region };
  };
  const province = unit(randomUUID(), "山东省交通运输厅", "AUTHORITY", "370000", null);
  const cities = CITIES.map(([name, region]) => unit(randomUUID(), `${name}市交通运输局`, "AUTHORITY", region, province));
  const employers = Array.from({ length: size.employers }, (_, i) => {
    const city = cities[i % cities.length]!;
    const cityName = CITIES[i % cities.length]![0];
    const kind = i % 10 === 9 ? "TRAINING_BASE" : "EMPLOYER";
    const name =
      kind === "TRAINING_BASE"
        ? `${cityName}交通培训基地${Math.floor(i / 10) + 1}`
        : `${cityName}${EMPLOYER_WORDS[i % EMPLOYER_WORDS.length]}${Math.floor(i / 10) + 1}`;
    // Each unit approves on one weekday of its own.
    return { ...unit(randomUUID(), name, kind, `${region6(city.region, i)}`, city), approvalWeekday: i % 7, people: 0 };
  });
  await Promise.all(Object.values(w).map((x) => x.flush()));

  // unit_figures, by unit index and day number: the sum of every person's contribution.
  const unitIndex = new Map(employers.map((e, i) => [e.id, i]));
  const figureDeltas = new Map<number, [number, number, number]>();
  const dayBase = startOfDay("2000-01-01").getTime();
  const dayNumber = (day: string) => Math.round((startOfDay(day).getTime() - dayBase) / 86_400_000);
  const judge = (year: number, _u: string, _d: string, hours: { general: number; professional: number }) =>
    judgeYear(SEEDED_COMPLIANCE_RULES, year, null, hours);

  // unit_approved_hours: 认定学时 and records per (unit index, approval day, voiding day).
  const approvedHours = new Map<string, [number, number]>();
  // title_figures: people per (unit index, series, level, registration day, day) — domain titleContribution summed.
  const titleChanges = new Map<string, number>();
  const samples: Loaded["samples"] = [];
  const weekday = (d: Date) => Math.floor((d.getTime() + 8 * 3_600_000) / 86_400_000) % 7;
  /** The first approval day of the unit on or after `d` (10:00 Beijing). */
  const approvalDay = (e: (typeof employers)[number], d: Date) => {
    const day = new Date(Math.floor((d.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000 + 2 * 3_600_000);
    const shift = (e.approvalWeekday - weekday(day) + 7) % 7;
    return new Date(day.getTime() + (shift === 0 && day < d ? 7 : shift) * 86_400_000);
  };
  const registrationFrom = new Date("2019-01-01T02:00:00.000Z");
  const lastDay = new Date(todayEnd.getTime() - 20 * 86_400_000);

  for (let p = 0; p < size.people; p++) {
    const accountId = randomUUID();
    const male = rand() < 0.55;
    const given = male ? maleGivenNames : femaleGivenNames;
    const surname = pickSurname(rand());
    const name = surname + pick(given) + (rand() < 0.7 ? pick(given) : "");
    const birth = new Date(Date.UTC(1960 + Math.floor(rand() * 42), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    const ei = Math.floor(employers.length * rand() ** 1.3);
    const e = employers[ei]!;
    const first17 = `${e.region}${birth.toISOString().slice(0, 10).replaceAll("-", "")}${String(p % 1000).padStart(3, "0")}`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const education = pick(educationLevels).code;
    const series = rand() < 0.6 ? "ENGINEERING" : pick(titleSeries).code;
    const level = rand() < 0.1 ? null : pick(["JUNIOR", "INTERMEDIATE", "INTERMEDIATE", "DEPUTY_SENIOR", "FULL_SENIOR"]);
    const qualification = level === null ? null : (QUALIFICATION[level] ?? null);
    const registeredAt = rand() < 0.7 ? between(registrationFrom, new Date(`${years[0]}-01-01T00:00:00.000Z`)) : between(registrationFrom, lastDay);
    const fate = rand();
    const status = fate < 0.01 ? "PENDING" : fate < 0.015 ? "REJECTED" : "APPROVED";
    const decidedAt = new Date(registeredAt.getTime() + (1 + Math.floor(rand() * 9)) * 86_400_000);
    const moveTo = employers[(ei + 1 + Math.floor(rand() * (employers.length - 1))) % employers.length]!;
    const transfer = status === "APPROVED" && employers.length > 1 && rand() < 0.05 ? { at: between(decidedAt, todayEnd), to: moveTo } : null;
    const spans: PersonSpan[] = [{ unitId: e.id, status: "PENDING", validFrom: registeredAt, validTo: status === "PENDING" ? null : decidedAt }];
    if (status !== "PENDING") spans.push({ unitId: e.id, status, validFrom: decidedAt, validTo: transfer?.at ?? null });
    if (transfer) spans.push({ unitId: transfer.to.id, status: "APPROVED", validFrom: transfer.at, validTo: null });
    const now = spans[spans.length - 1]!;
    const nowUnit = now.unitId === e.id ? e : transfer!.to;
    nowUnit.people += now.status === "APPROVED" ? 1 : 0;
    const hash = blindIndex(idNumber);
    w.people.row([
      accountId,
      name,
      maskIdNumber(idNumber),
      hash,
      nowUnit.id,
      nowUnit.path,
      now.status,
      education,
      series,
      level,
      null,
      `ZS${String(p).padStart(8, "0")}`,
      iso(registeredAt),
      spans.length,
      iso(now.validFrom),
      qualification,
    ]);
    for (const [i, s] of spans.entries()) {
      const row = [
        accountId,
        i + 1,
        randomUUID(),
        iso(s.validFrom),
        iso(s.validFrom),
        iso(s.validTo),
        s.unitId,
        s.status,
        education,
        series,
        level,
        qualification,
      ];
      w.personHistory.row(row);
    }
    if (now.status === "APPROVED" && (samples.length < 400 || p % 9_973 === 0)) samples.push({ accountId, name, idNumber, unitPath: nowUnit.path });

    // Hour records: about recordsPerPersonYear a year while approved, declared in their unit then.
    const records: CountedRecord[] = [];
    if (status === "APPROVED") {
      for (const year of years) {
        const yearStart = new Date(`${year}-01-01T00:00:00.000Z`);
        const yearEnd = new Date(`${year}-12-20T00:00:00.000Z`);
        const from = decidedAt > yearStart ? decidedAt : yearStart;
        if (from >= yearEnd || from >= lastDay) continue;
        const n = Math.floor(rand() * (2 * size.recordsPerPersonYear + 1));
        for (let r = 0; r < n; r++) {
          const submittedAt = between(from, yearEnd < lastDay ? yearEnd : lastDay);
          const inUnit = transfer && submittedAt >= transfer.at ? transfer.to : e;
          const subject = rand() < 0.35 ? "GENERAL" : "PROFESSIONAL";
          const hours = pick(HOURS);
          const outcome = rand();
          let approvedAt: Date | null = approvalDay(inUnit, new Date(submittedAt.getTime() + 3 * 86_400_000));
          let st = "APPROVED";
          let rejectedAt: Date | null = null;
          let withdrawnAt: Date | null = null;
          let filedAt: Date | null = null;
          let voidedAt: Date | null = null;
          if (outcome < 0.02) [st, rejectedAt, approvedAt] = ["REJECTED", approvedAt, null];
          else if (outcome < 0.03) [st, withdrawnAt, approvedAt] = ["WITHDRAWN", new Date(submittedAt.getTime() + 86_400_000), null];
          else if (approvedAt > todayEnd) [st, approvedAt] = ["PENDING", null];
          else if (outcome < 0.04) {
            voidedAt = new Date(approvedAt.getTime() + (10 + Math.floor(rand() * 60)) * 86_400_000);
            if (voidedAt > todayEnd) voidedAt = null;
            else st = "VOIDED";
          } else if (outcome < 0.3)
            filedAt = new Date(approvedAt.getTime() + 30 * 86_400_000) > todayEnd ? null : new Date(approvedAt.getTime() + 30 * 86_400_000);
          if (st === "APPROVED" && filedAt) st = "FILED";
          const statusAt = voidedAt ?? filedAt ?? approvedAt ?? rejectedAt ?? withdrawnAt ?? submittedAt;
          const rejected = rejectedAt ?? null;
          w.records.row([
            randomUUID(),
            accountId,
            inUnit.id,
            inUnit.path,
            year,
            subject,
            subject === "GENERAL" ? "GX01" : "ZY01",
            approvedAt || voidedAt ? hours : null,
            st,
            iso(statusAt),
            iso(submittedAt),
            iso(approvedAt),
            iso(rejected),
            iso(withdrawnAt),
            iso(filedAt),
            iso(voidedAt),
          ]);
          records.push({ year, subject, recognizedHours: approvedAt ? hours : null, approvedAt, voidedAt });
          for (const a of recordContribution({ unitId: inUnit.id, recognizedHours: hours, approvedAt, voidedAt })) {
            const k = `${unitIndex.get(a.unitId)}|${a.approvedDay}|${a.voidedDay}`;
            const held = approvedHours.get(k) ?? [0, 0];
            held[0] += a.hours;
            held[1] += a.records;
            approvedHours.set(k, held);
          }
        }
      }
    }
    const titleSpans = spans.map((x) => ({ ...x, titleSeries: series, titleLevel: level }));
    for (const c of titleContribution(titleSpans, registeredAt).values()) {
      const k = `${unitIndex.get(c.unitId)}|${c.titleSeries ?? ""}|${c.titleLevel ?? ""}|${c.registeredDay}|${c.day}`;
      titleChanges.set(k, (titleChanges.get(k) ?? 0) + c.people);
    }
    for (const d of personContribution(spans, records, judge).values()) {
      const k = unitIndex.get(d.unitId)! * 100_000 + dayNumber(d.day);
      const held = figureDeltas.get(k) ?? [0, 0, 0];
      held[0] += d.registered;
      held[1] += d.studying;
      held[2] += d.compliant;
      figureDeltas.set(k, held);
    }
    if (p % 2_000 === 0) {
      await Promise.all(Object.values(w).map((x) => x.maybeFlush()));
      if (p % 100_000 === 0) log(`loaded ${p} people, ${w.records.rows} hour records`);
    }
  }

  // unit_figures: per unit, the running sums at each day with a delta (学习 / 合格 from 0 each
  // year); a day whose figures equal the day before is not stored, as the handlers leave it.
  const figures = await CopyWriter.open(url, "unit_figures", "unit_id, day, registered, studying, compliant");
  const keys = [...figureDeltas.keys()].sort((a, b) => a - b);
  let current = -1;
  let acc = { registered: 0, studying: 0, compliant: 0, year: 0 };
  for (const k of keys) {
    const u = Math.floor(k / 100_000);
    const day = addDays("2000-01-01", k % 100_000);
    const year = Number(day.slice(0, 4));
    if (u !== current) [current, acc] = [u, { registered: 0, studying: 0, compliant: 0, year }];
    const before = { ...acc, studying: acc.year === year ? acc.studying : 0, compliant: acc.year === year ? acc.compliant : 0 };
    const [r, s, c] = figureDeltas.get(k)!;
    acc = { registered: before.registered + r, studying: before.studying + s, compliant: before.compliant + c, year };
    if (acc.registered === before.registered && acc.studying === before.studying && acc.compliant === before.compliant) continue;
    figures.row([employers[u]!.id, day, acc.registered, acc.studying, acc.compliant]);
    await figures.maybeFlush();
  }
  const hoursRows = await CopyWriter.open(url, "unit_approved_hours", "unit_id, approved_day, voided_day, hours, records");
  for (const [k, [hours, records]] of approvedHours) {
    const [u, approvedDay, voidedDay] = k.split("|");
    hoursRows.row([employers[Number(u)]!.id, approvedDay!, voidedDay!, hours, records]);
    await hoursRows.maybeFlush();
  }
  const titleRows = await CopyWriter.open(url, "title_figures", "unit_id, title_series, title_level, registered_day, day, people");
  const titlesNow = new Map<string, number>();
  for (const [k, people] of titleChanges) {
    if (people === 0) continue;
    const [u, series, level, registeredDay, day] = k.split("|");
    titleRows.row([employers[Number(u)]!.id, series!, level!, registeredDay!, day!, people]);
    await titleRows.maybeFlush();
    const nowKey = `${u}|${series}|${level}`;
    titlesNow.set(nowKey, (titlesNow.get(nowKey) ?? 0) + people);
  }
  titleChanges.clear();
  const titleNowRows = await CopyWriter.open(url, "title_figures_now", "unit_id, title_series, title_level, people");
  for (const [k, people] of titlesNow) {
    if (people === 0) continue;
    const [u, series, level] = k.split("|");
    titleNowRows.row([employers[Number(u)]!.id, series!, level!, people]);
    await titleNowRows.maybeFlush();
  }
  await Promise.all([...Object.values(w), figures, hoursRows, titleRows, titleNowRows].map((x) => x.close()));

  const biggest = employers.reduce((a, b) => (b.people > a.people ? b : a));
  const city = cities[0]!;
  return {
    province: { id: province.id, name: province.name, path: province.path },
    city: { id: city.id, name: city.name, path: city.path },
    biggestEmployer: { id: biggest.id, name: biggest.name },
    samples,
  };
}

/** A county code under a city code, spread over the units (01–09). */
const region6 = (city: string, i: number) => `${city.slice(0, 4)}0${1 + (i % 9)}`;
