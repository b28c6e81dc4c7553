// 人年抽取 (issue 11 item 3) on the hand-computed fixture of support/statistics-fixture.ts, plus five
// engineers of 济南轨道交通集团 alike in unit, title and education: the download a super admin gets
// through /downloads/person-year-extract — its documented columns, no name / ID number / certificate
// number / account id in any cell, disclosure control (k = 5: the five alike exact, everyone else
// generalised until five share what is shown; the probe's join to the people list finds nobody),
// totals equal to 专业技术人员数量查询 for the same scope and date, the Parquet file read back by DuckDB
// equal to the CSV, pseudonym keys stable per unit and different between units, and refusals
// before the first byte.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PERSON_YEAR_COLUMNS } from "@ce/contracts";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit/service-auth";
import { signIn } from "@ce/service-kit/testing";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCLOSURE_K } from "../src/domain/disclosure-control.ts";
import { personKey, unitPseudonymKey } from "../src/domain/person-year-extract.ts";
import type { ReportingClient, ReportingSystem } from "./support/boot.ts";
import { professionalAt, settled } from "./support/events.ts";
import { anna, bootStatistics, jinan, jnMetro, li, person, province, qian, wang1, wang2, wang3, zhang, zhao } from "./support/statistics-fixture.ts";

/** Five engineers of 济南轨道交通集团 with the same title and education, registered on 2026-02-01: one combination of k rows. */
const alike = Array.from({ length: DISCLOSURE_K }, (_, i) =>
  person(`同组${i + 1}`, jnMetro, `37011219900101${String(100 + i).padStart(3, "0")}X`, "2026-02-01T02:00:00.000Z", [
    "BACHELOR",
    "ENGINEERING",
    "INTERMEDIATE",
    "工程师",
  ]),
);

let sys: ReportingSystem;
let provinceAdmin: ReportingClient;
let tokens: { province: string; jinan: string; provinceViewer: string };

beforeAll(async () => {
  ({ sys, provinceAdmin } = await bootStatistics("personyear"));
  for (const p of alike) await sys.producer.publish(professionalAt("registered", p.registeredAt, p));
  await settled(sys);
  const redis = sys.app.infra.redis;
  const as = (u: typeof province, permissions?: ["stats.view"]) =>
    signIn(redis, { unitId: u.data.unitId, unitName: u.data.name, scopePath: u.data.path, permissions });
  tokens = { province: await as(province), jinan: await as(jinan), provinceViewer: await as(province, ["stats.view"]) };
}, 60_000);
afterAll(() => sys.cleanup());

/** GETs the extract as the portal does (its service credential and the user's session). */
function download(query: Record<string, string>, token = tokens.province) {
  const origin = new URL(sys.app.url).origin;
  return fetch(`${origin}/downloads/person-year-extract?${new URLSearchParams(query)}`, {
    headers: {
      authorization: `Bearer ${token}`,
      [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "reporting", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY }),
    },
  });
}

type Row = Record<string, string>;

/** A CSV of the extract as rows keyed by the header (quoted cells unquoted; the BOM checked and dropped). */
function parseCsv(bytes: Uint8Array): { header: string[]; rows: Row[] } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder("utf-8", { fatal: true })
    .decode(bytes.subarray(3))
    .split("\r\n")
    .filter((l) => l.length > 0);
  const cells = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => (m[1] ?? "").replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1);
  const header = cells(lines[0] ?? "");
  return { header, rows: lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i], c]))) };
}

async function csvOf(query: Record<string, string>, token?: string) {
  const r = await download({ format: "csv", ...query }, token);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return parseCsv(new Uint8Array(await r.arrayBuffer()));
}

const keyOf = (rows: Row[], unitId: string, general: string) => rows.find((r) => r.unit_id === unitId && r.general_hours === general)?.person_key;

describe("人年抽取 as CSV", () => {
  it("has the documented columns and one row per person registered that day, with their hours and 认定结果", async () => {
    const r = await download({ format: "csv", fromYear: "2026", toYear: "2026" });
    expect([r.headers.get("x-extract-rows"), r.headers.get("x-extract-suppressed")]).toEqual(["12", "0"]);
    // 统计时间 defaults to today: not final (the day is not closed); an earlier day is.
    expect(r.headers.get("x-extract-final")).toBe("false");
    const closed = await download({ format: "csv", fromYear: "2026", toYear: "2026", asOf: "2026-07-19" });
    expect(closed.headers.get("x-extract-final")).toBe("true");
    await closed.arrayBuffer();
    const { header, rows } = parseCsv(new Uint8Array(await r.arrayBuffer()));
    expect(header).toEqual(PERSON_YEAR_COLUMNS.map((c) => c.name));
    // Registered on 2026-07-20: 王一 王二 王三 (now 青岛地铁) 张小明 (since 07-01) 李四 Anna 赵科员 and the five alike; 钱多多 still waits.
    expect(rows).toHaveLength(12);
    const byHours = rows.map((r) => [r.unit_id, r.general_hours, r.professional_hours, r.total_hours, r.approved_records, r.result]).sort();
    expect(byHours).toEqual(
      [
        ["*", "30", "60", "90", "2", "合格"], // 王一
        ["*", "30", "0", "30", "1", "不合格"], // 王二: 专业 60 voided on 07-15
        ["*", "0", "90", "90", "1", "合格"], // 王三, transferred on 07-15 with his hours
        ["*", "0", "0", "0", "0", "不合格"], // 张小明
        ["*", "0", "0", "0", "0", "不合格"], // 李四: pending and rejected count nothing
        ["*", "0", "0", "0", "0", "不合格"], // Anna
        ["*", "0", "0", "0", "0", "不合格"], // 赵科员
        ...alike.map(() => [jnMetro.data.unitId, "0", "0", "0", "0", "不合格"]),
      ].sort(),
    );
    // The five alike are released exactly: their combination covers k rows.
    expect(rows.filter((r) => r.unit_id === jnMetro.data.unitId)).toEqual(
      alike.map(() =>
        expect.objectContaining({
          year: "2026",
          unit_name: "济南轨道交通集团",
          unit_kind: "EMPLOYER",
          region_code: "370112",
          title_series: "ENGINEERING",
          title_level: "INTERMEDIATE",
          education: "BACHELOR",
          education_name: "本科",
        }),
      ),
    );
    // The seven others share no combination with four more people until the province: unit, title and education are *, the hours exact.
    const w1 = rows.find((r) => r.general_hours === "30" && r.professional_hours === "60");
    expect(w1).toMatchObject({
      year: "2026",
      unit_id: "*",
      unit_name: "*",
      unit_kind: "*",
      region_code: "370000",
      title_series: "*",
      title_series_name: "*",
      title_level: "*",
      education: "*",
      compliant: "true",
    });
    expect(w1?.person_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("re-identifies nobody: every combination shown covers k rows, and the probe's join to 专业技术人员信息查询 finds no one person", async () => {
    const { rows } = await csvOf({ fromYear: "2026", toYear: "2026" });
    const shown = new Map<string, number>();
    const qi = (r: Row) => [r.unit_id, r.region_code, r.title_series, r.title_level, r.education].join("|");
    for (const r of rows) shown.set(qi(r), (shown.get(qi(r)) ?? 0) + 1);
    for (const n of shown.values()) expect(n).toBeGreaterThanOrEqual(DISCLOSURE_K);
    // The probe (/tmp/breakit/reid.mjs): join rows to the people list on (unit, 职称系列, 职称级别, 学历) — exactly, and reading * as any value.
    const people = (await provinceAdmin.statistics.professionals.query({ pageSize: 200 })).items;
    const fits = (r: Row, p: (typeof people)[number]) =>
      [
        [r.unit_id, p.unitId],
        [r.title_series, p.titleSeries ?? ""],
        [r.title_level, p.titleLevel ?? ""],
        [r.education, p.education ?? ""],
      ].every(([shownValue, held]) => shownValue === "*" || shownValue === held);
    const exact = rows.filter(
      (r) => people.filter((p) => qi(r) === [p.unitId, r.region_code, p.titleSeries ?? "", p.titleLevel ?? "", p.education ?? ""].join("|")).length === 1,
    );
    expect(exact).toEqual([]);
    for (const r of rows) expect(people.filter((p) => fits(r, p)).length).toBeGreaterThanOrEqual(DISCLOSURE_K);
  });

  it("holds no name, ID number (clear, masked or hashed), certificate number or account id in any cell", async () => {
    const { rows } = await csvOf({ fromYear: "2024", toYear: "2026" });
    const people = [wang1, wang2, wang3, zhang, li, anna, zhao, qian, ...alike];
    const secrets = people.flatMap((p) => [p.name, p.idNumberMasked, p.idNumberHash, p.accountId, p.certificateNo].filter((s): s is string => !!s));
    const cells = rows.flatMap((r) => Object.entries(r));
    expect(cells.length).toBe(rows.length * PERSON_YEAR_COLUMNS.length);
    for (const [column, cell] of cells) {
      for (const s of secrets) expect(cell.includes(s), `${cell} holds ${s}`).toBe(false);
      // The pseudonym is a 64-digit hex HMAC, where a run of digits may look like a phone by chance: it is checked by shape.
      if (column === "person_key") expect(cell).toMatch(/^[0-9a-f]{64}$/);
      else expect(cell).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}|@/); // an ID number, a mobile number, an e-mail
    }
  });

  it("gives the totals of 专业技术人员数量查询 for the same scope and date, today and on a past 统计时间", async () => {
    for (const asOf of ["2026-07-20", "2026-06-30"]) {
      const { rows } = await csvOf({ fromYear: "2026", toYear: "2026", asOf });
      const page = await provinceAdmin.statistics.professionalCounts.query({ asOf });
      expect({
        registered: rows.length,
        studying: rows.filter((r) => Number(r.approved_records) > 0).length,
        compliant: rows.filter((r) => r.result === "合格").length,
      }).toEqual({ registered: page.totals.registered, studying: page.totals.studying, compliant: page.totals.compliant });
    }
  });

  it("suppresses a year of fewer than k people, and says how many rows it left out", async () => {
    const r = await download({ format: "csv", fromYear: "2025", toYear: "2026" });
    // At the end of 2025 only 王三 (济南公交 then) and 李四 were registered: two people, fewer than k, so neither row is shown.
    expect([r.headers.get("x-extract-rows"), r.headers.get("x-extract-suppressed")]).toEqual(["12", "2"]);
    const { rows } = parseCsv(new Uint8Array(await r.arrayBuffer()));
    expect(rows.filter((row) => row.year === "2025")).toEqual([]);
    expect(rows.filter((row) => row.year === "2026")).toHaveLength(12);
  });

  it("keys a person the same in every extract of one unit and differently for another unit; 济南市 sees its subtree only", async () => {
    const first = (await csvOf({ fromYear: "2026", toYear: "2026" })).rows;
    const again = (await csvOf({ fromYear: "2026", toYear: "2026", asOf: "2026-06-30" })).rows;
    const byJinan = (await csvOf({ fromYear: "2026", toYear: "2026" }, tokens.jinan)).rows;
    expect(keyOf(again, "*", "30")).toBe(keyOf(first, "*", "30"));
    expect(keyOf(byJinan, "*", "30")).not.toBe(keyOf(first, "*", "30"));
    // 济南's subtree, nobody of 青岛: 王一 王二 张小明 赵科员 are four — fewer than k even as 济南市 — so the five alike
    // join them with every field generalised (no row is dropped while the year holds k).
    expect(byJinan).toHaveLength(9);
    expect(new Set(byJinan.map((r) => [r.unit_id, r.region_code, r.title_series, r.education].join("|")))).toEqual(new Set(["*|*|*|*"]));
  });
});

describe("人年抽取 as Parquet", () => {
  it("is read back by DuckDB with the documented columns and types, the same rows as the CSV", async () => {
    const query = { fromYear: "2025", toYear: "2026", asOf: "2026-07-20" };
    const r = await download({ ...query, format: "parquet" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(encodeURIComponent("人年抽取_2025-2026_统计时间2026-07-20.parquet"));
    const dir = await mkdtemp(path.join(tmpdir(), "extract-test-"));
    try {
      const file = path.join(dir, "x.parquet");
      await writeFile(file, Buffer.from(await r.arrayBuffer()));
      expect((await readFile(file)).subarray(0, 4).toString()).toBe("PAR1");
      const duck = await DuckDBInstance.create();
      const con = await duck.connect();
      const described = await (await con.run(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
      expect(described.map((d) => [d.column_name, d.column_type])).toEqual(PERSON_YEAR_COLUMNS.map((c) => [c.name, c.type]));
      const parquetRows = await (await con.run(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
      con.closeSync();
      duck.closeSync();
      const asText = (row: Record<string, unknown>) => PERSON_YEAR_COLUMNS.map((c) => (row[c.name] === null ? "" : String(row[c.name]))).join("|");
      const { rows: csvRows } = await csvOf(query);
      expect(parquetRows.map(asText).sort()).toEqual(csvRows.map(asText).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("人年抽取 on the token API (GET /api/v1/extracts/person-year)", () => {
  const api = (query: string, secret?: string) =>
    fetch(`${new URL(sys.app.url).origin}/api/v1/extracts/person-year?${query}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });

  it("answers a token holding 人年抽取 with its scope's rows, keyed per token, and logs the rows", async () => {
    const { secret, token } = await provinceAdmin.apiTokens.create.mutate({ name: "分析抽取", permissions: ["personYearExtract"] });
    const r = await api("fromYear=2026&toYear=2026&format=csv", secret);
    expect(r.status).toBe(200);
    const { header, rows } = parseCsv(new Uint8Array(await r.arrayBuffer()));
    expect(header).toEqual(PERSON_YEAR_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(12);
    expect(r.headers.get("x-extract-suppressed")).toBe("0");
    const portal = (await csvOf({ fromYear: "2026", toYear: "2026" })).rows;
    expect(keyOf(rows, "*", "30")).not.toBe(keyOf(portal, "*", "30"));
    const again = parseCsv(new Uint8Array(await (await api("fromYear=2026&toYear=2026", secret)).arrayBuffer())).rows;
    expect(keyOf(again, "*", "30")).toBe(keyOf(rows, "*", "30"));
    const [use] = await sys.app.db.$queryRawUnsafe<Array<{ rows: number; outcome: string }>>(
      "SELECT rows_returned AS rows, outcome FROM reporting.api_token_use WHERE token_id = $1::uuid AND procedure = 'personYearExtract' ORDER BY id LIMIT 1",
      token.id,
    );
    expect(use).toEqual({ rows: 12, outcome: "ANSWERED" });
  });

  it("refuses no token (401), a token without 人年抽取 (403) and a bad year (400 naming it)", async () => {
    expect((await api("fromYear=2026&toYear=2026")).status).toBe(401);
    const other = await provinceAdmin.apiTokens.create.mutate({ name: "只看数量", permissions: ["professionalCounts"] });
    expect((await api("fromYear=2026&toYear=2026", other.secret)).status).toBe(403);
    const mine = await provinceAdmin.apiTokens.create.mutate({ name: "分析抽取2", permissions: ["personYearExtract"] });
    const bad = await api("fromYear=2026&toYear=2027", mine.secret);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      message: "结束年度不能晚于统计时间所在年度（2026）",
      data: { fieldErrors: { toYear: ["结束年度不能晚于统计时间所在年度（2026）"] } },
    });
  });

  it("refuses an unknown or repeated parameter by name, and a year the platform cannot know", async () => {
    const { secret } = await provinceAdmin.apiTokens.create.mutate({ name: "分析抽取3", permissions: ["personYearExtract"] });
    const fields = async (query: string) => {
      const r = await api(query, secret);
      return [r.status, ((await r.json()) as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors];
    };
    expect(await fields("fromYear=2026&toYear=2026&unitId=x")).toEqual([400, { unitId: ["不支持的参数“unitId”"] }]);
    expect(await fields("fromYear=2026&toYear=2026&fromYear=2020")).toEqual([400, { fromYear: ["参数“fromYear”只能给一次"] }]);
    expect(await fields("fromYear=1999&toYear=2000")).toEqual([400, { fromYear: ["开始年度不能早于2000年（平台最早的数据年度）"] }]);
    expect(await fields("fromYear=2027&toYear=2027")).toEqual([400, { fromYear: ["开始年度不能晚于统计时间所在年度（2026）"] }]);
  });

  it("logs the address the portal vouches for, as every other operation does", async () => {
    const { secret, token } = await provinceAdmin.apiTokens.create.mutate({ name: "分析抽取4", permissions: ["personYearExtract"] });
    const portal = signServiceAuth({ caller: "portal", audience: "reporting", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY });
    const r = await fetch(`${new URL(sys.app.url).origin}/api/v1/extracts/person-year?fromYear=2026&toYear=2026`, {
      headers: { authorization: `Bearer ${secret}`, "x-client-ip": "203.0.113.9", [SERVICE_AUTH_HEADER]: portal },
    });
    expect(r.status).toBe(200);
    await r.arrayBuffer();
    const [use] = await sys.app.db.apiTokenUse.findMany({ where: { tokenId: token.id }, select: { clientIp: true } });
    expect(use?.clientIp).toBe("203.0.113.9");
  });
});

describe("人年抽取 refusals, before any byte", () => {
  it.each([
    ["结束年度 after 统计时间's year", { fromYear: "2026", toYear: "2027" }, 400, "toYear", "结束年度不能晚于统计时间所在年度（2026）"],
    ["开始年度 after 结束年度", { fromYear: "2026", toYear: "2025" }, 400, "toYear", "结束年度不能早于开始年度"],
    ["more than ten years", { fromYear: "2010", toYear: "2026" }, 400, "toYear", "一次最多抽取10个年度"],
    ["统计时间 after today", { fromYear: "2026", toYear: "2026", asOf: "2026-07-21" }, 400, "asOf", "统计时间不能晚于今天（2026-07-20）"],
    ["an unknown format", { fromYear: "2026", toYear: "2026", format: "xlsx" }, 400, "format", "文件格式无效（csv 或 parquet）"],
  ])("%s", async (_case, query, status, field, message) => {
    const r = await download(query as Record<string, string>);
    expect(r.status).toBe(status);
    expect(await r.json()).toEqual({ message, field });
  });

  it("refuses an admin who is not a super admin (403)", async () => {
    const r = await download({ fromYear: "2026", toYear: "2026" }, tokens.provinceViewer);
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toBe("只有拥有查询统计权限的超级管理员可以下载人年抽取");
  });
});

// One rule for "a person-year exists" (ADR 016): registered at the year's end, or at 统计时间 in its
// year. 王三 was registered on 2025-03-01; asked about 2024 (Y−1), 2025 (Y) and 2026 (Y+1), the extract
// has his rows for 2025 and 2026 only, and 学时达标情况 answers exactly those years — with the same hours
// and 认定结果 as the extract's rows.
// Last in the file: it registers four more people in 2024 (then 2024 and 2025 each hold at least k people,
// so disclosure control suppresses neither year and a missing row means no person-year, not a suppressed one).
describe("a person registered in year Y, asked about Y−1, Y and Y+1 by 人年抽取 and 学时达标情况", () => {
  const earlier = Array.from({ length: DISCLOSURE_K - 1 }, (_, i) =>
    person(`早登记${i + 1}`, jnMetro, `37010219700101${String(200 + i)}X`, "2024-03-01T02:00:00.000Z", ["BACHELOR", "ENGINEERING", "JUNIOR", "助理工程师"]),
  );
  const key = () => personKey(unitPseudonymKey(sys.app.deps.pseudonymSecret, province.data.unitId), wang3.accountId);
  beforeAll(async () => {
    for (const p of earlier) await sys.producer.publish(professionalAt("registered", p.registeredAt, p));
    await settled(sys);
  });

  it.each(["2026-07-20", "2025-12-31"])("answer the same years with the same figures (统计时间 %s)", async (asOf) => {
    const toYear = Number(asOf.slice(0, 4));
    const { rows } = await csvOf({ fromYear: "2024", toYear: String(toYear), asOf });
    const r = await download({ format: "csv", fromYear: "2024", toYear: String(toYear), asOf });
    expect(r.headers.get("x-extract-suppressed")).toBe("0");
    await r.arrayBuffer();
    const extracted = rows
      .filter((r) => r.person_key === key())
      .map((r) => ({
        year: Number(r.year),
        general: Number(r.general_hours),
        professional: Number(r.professional_hours),
        total: Number(r.total_hours),
        compliant: r.result === "合格",
      }));
    const answered = await provinceAdmin.statistics.complianceAsOf.query({ idNumber: "370102199003030033", fromYear: 2024, toYear, asOf });
    expect(answered.people.map((p) => p.accountId)).toEqual([wang3.accountId]);
    const years = answered.people[0]?.years ?? [];
    expect(years.map((y) => y.year)).toEqual(toYear === 2026 ? [2025, 2026] : [2025]);
    expect(extracted.sort((a, b) => a.year - b.year)).toEqual(years);
  });

  it("a window entirely before the registration answers the person with no years (the extract has no row of theirs)", async () => {
    const answered = await provinceAdmin.statistics.complianceAsOf.query({ idNumber: "370102199003030033", fromYear: 2023, toYear: 2024, asOf: "2026-07-20" });
    expect(answered.people.map((p) => [p.accountId, p.years])).toEqual([[wang3.accountId, []]]);
    const { rows } = await csvOf({ fromYear: "2023", toYear: "2024", asOf: "2026-07-20" });
    expect(rows.filter((r) => r.year === "2024").length).toBe(DISCLOSURE_K);
    expect(rows.filter((r) => r.person_key === key())).toEqual([]);
  });
});
