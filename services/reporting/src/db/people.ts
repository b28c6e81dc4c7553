// Queries about people of the read models for 专业技术人员信息查询, 详细, 学习记录 and 学习记录验证:
// who they are now (professional_replica: masked ID and blind index only) and their hour records.
// Scope is always a prefix of the person's current unit path.
import { type ProfessionalProfile, ProfessionalStatus } from "@ce/contracts";
import { dbValue, likeContains, likePrefix, quoteIdent, type SqlClient } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { unitOfPath } from "../domain/subtree-rollups.ts";
import type { Db } from "./client.ts";

/** 专业技术人员信息查询's filters as SQL sees them (every one given must hold). */
export interface ProfessionalFilter {
  /** The caller's subtree, or the 主管部门's inside it. */
  pathPrefix: string;
  regionPrefix?: string | undefined;
  nameContains?: string | undefined;
  /** The blind indexes of the 证件号 typed (one per ID type). */
  idNumberHashes?: readonly string[] | undefined;
  certificateNo?: string | undefined;
  education?: string | undefined;
  titleSeries?: string | undefined;
  qualificationContains?: string | undefined;
}

/**
 * "r.name contains `text`" (case-insensitive) through the GIN index professional_replica_name_grams_idx:
 * a name contains the text only if its character grams (migration 0004 name_grams: characters and
 * adjacent pairs, lower-cased) hold all of the text's; for one or two characters that is exactly
 * "contains", for more ILIKE then checks each candidate.
 */
function nameContains(text: string): Prisma.Sql[] {
  const grams = Prisma.sql`reporting.name_grams(r.name) @> reporting.name_grams(${text})`;
  return [...text].length <= 2 ? [grams] : [grams, Prisma.sql`r.name ILIKE ${likeContains(text)}`];
}

/**
 * The WHERE of the people searches over `professional_replica r LEFT JOIN unit_replica u`:
 * registered (审核通过) people in the path prefix and every filter given.
 */
function professionalWhere(f: ProfessionalFilter): Prisma.Sql {
  const c = [Prisma.sql`r.status = 'APPROVED'`, Prisma.sql`r.unit_path LIKE ${likePrefix(f.pathPrefix)}`];
  if (f.regionPrefix) c.push(Prisma.sql`u.region LIKE ${likePrefix(f.regionPrefix)}`);
  if (f.nameContains) c.push(...nameContains(f.nameContains));
  if (f.idNumberHashes) c.push(Prisma.sql`r.id_number_hash = ANY(${[...f.idNumberHashes]}::text[])`);
  if (f.certificateNo) c.push(Prisma.sql`r.certificate_no = ${f.certificateNo}`);
  if (f.education) c.push(Prisma.sql`r.education = ${f.education}`);
  if (f.titleSeries) c.push(Prisma.sql`r.title_series = ${f.titleSeries}`);
  if (f.qualificationContains) c.push(Prisma.sql`r.qualification ILIKE ${likeContains(f.qualificationContains)}`);
  return Prisma.join(c, " AND ");
}

/**
 * The 姓名 text when it is the only filter besides the path prefix and one gram long (one or two
 * characters): then professional_name_grams answers — the text's gram range, in name order, joined
 * with the units under the prefix — instead of the GIN index, which must fetch every match from the
 * heap to count or sort it. Null otherwise.
 */
function nameGramOnly(f: ProfessionalFilter): string | null {
  const text = f.nameContains;
  if (!text || [...text].length > 2) return null;
  return !f.regionPrefix && !f.idNumberHashes && !f.certificateNo && !f.education && !f.titleSeries && !f.qualificationContains ? text : null;
}

/** True when no filter but the path prefix is given (the list a page opens with). */
const unfiltered = (f: ProfessionalFilter) =>
  !f.regionPrefix && !f.nameContains && !f.idNumberHashes && !f.certificateNo && !f.education && !f.titleSeries && !f.qualificationContains;

/**
 * How many people match (the pager's 共N条). Unfiltered, from the rollups instead of a million
 * replica rows: the registered people after every event held of the prefix's unit (its latest
 * unit_figures row) and of the units below it (every subtree_figures change of it), which are the
 * replica's 审核通过 people under the prefix.
 */
export async function countProfessionals(db: Db, f: ProfessionalFilter): Promise<number> {
  if (unfiltered(f)) {
    const unitId = unitOfPath(f.pathPrefix);
    const [row] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT (coalesce((SELECT registered FROM reporting.unit_figures WHERE unit_id = ${unitId}::uuid ORDER BY day DESC LIMIT 1), 0)
            + coalesce((SELECT sum(registered) FROM reporting.subtree_figures WHERE node_id = ${unitId}::uuid), 0))::int AS n`;
    return row?.n ?? 0;
  }
  const gram = nameGramOnly(f);
  if (gram !== null) {
    const [row] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM reporting.professional_name_grams g JOIN reporting.unit_replica u ON u.id = g.unit_id
      WHERE g.gram = lower(${gram}) AND u.path LIKE ${likePrefix(f.pathPrefix)}`;
    return row?.n ?? 0;
  }
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM reporting.professional_replica r LEFT JOIN reporting.unit_replica u ON u.id = r.unit_id
    WHERE ${professionalWhere(f)}`;
  return row?.n ?? 0;
}

/** One row of 专业技术人员信息查询. */
export interface ProfessionalRow {
  accountId: string;
  name: string;
  idNumberMasked: string;
  unitId: string;
  unitName: string;
  education: string | null;
  titleSeries: string | null;
  titleLevel: string | null;
  /** False: imported and not signed in yet (未激活). */
  activated: boolean;
}

/**
 * One window of the matching people, by name then account. A one- or two-character 姓名 alone walks
 * its gram's range of professional_name_grams in name order until the window is full (nameGramOnly).
 * With another name filter the matches are collected first (MATERIALIZED) and then sorted: names
 * containing a text cluster in name order (every 王… sorts together), so walking the name index
 * until 20 match would read most of it.
 */
export async function professionalRows(db: Db, f: ProfessionalFilter, { limit, offset }: { limit: number; offset: number }): Promise<ProfessionalRow[]> {
  const gram = nameGramOnly(f);
  if (gram !== null)
    return db.$queryRaw<ProfessionalRow[]>`
      SELECT r.account_id::text AS "accountId", r.name, r.id_number_masked AS "idNumberMasked", r.unit_id::text AS "unitId",
             u.name AS "unitName", r.education, r.title_series AS "titleSeries", r.title_level AS "titleLevel", r.activated
      FROM reporting.professional_name_grams g
      JOIN reporting.unit_replica u ON u.id = g.unit_id AND u.path LIKE ${likePrefix(f.pathPrefix)}
      JOIN reporting.professional_replica r ON r.account_id = g.account_id
      WHERE g.gram = lower(${gram})
      ORDER BY g.name, g.account_id
      LIMIT ${limit} OFFSET ${offset}`;
  return db.$queryRaw<ProfessionalRow[]>`
    WITH matched AS ${f.nameContains ? Prisma.sql`MATERIALIZED` : Prisma.empty} (
      SELECT r.account_id, r.name, r.id_number_masked, r.unit_id, u.name AS unit_name, r.education, r.title_series, r.title_level, r.activated
      FROM reporting.professional_replica r LEFT JOIN reporting.unit_replica u ON u.id = r.unit_id
      WHERE ${professionalWhere(f)}
    )
    SELECT account_id::text AS "accountId", name, id_number_masked AS "idNumberMasked", unit_id::text AS "unitId",
           coalesce(unit_name, '') AS "unitName", education, title_series AS "titleSeries", title_level AS "titleLevel", activated
    FROM matched
    ORDER BY name, account_id
    LIMIT ${limit} OFFSET ${offset}`;
}

/** A professional as reporting holds them now, with their unit's name and region. */
export interface ProfessionalNow extends ProfessionalProfile {
  accountId: string;
  name: string;
  idNumberMasked: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  unitRegion: string | null;
  status: ProfessionalStatus;
  registeredAt: Date;
  /** False: imported and not signed in yet (未激活). */
  activated: boolean;
}

/** One professional now, or null when reporting has never heard of them. */
export async function professionalNow(db: Db, accountId: string): Promise<ProfessionalNow | null> {
  const [r] = await db.$queryRaw<Array<Omit<ProfessionalNow, "status"> & { status: string }>>`
    SELECT r.account_id::text AS "accountId", r.name, r.id_number_masked AS "idNumberMasked", r.unit_id::text AS "unitId",
           r.unit_path AS "unitPath", coalesce(u.name, '') AS "unitName", u.region AS "unitRegion", r.status, r.education,
           r.title_series AS "titleSeries", r.title_level AS "titleLevel", r.qualification, r.major, r.certificate_no AS "certificateNo",
           r.registered_at AS "registeredAt", r.activated
    FROM reporting.professional_replica r LEFT JOIN reporting.unit_replica u ON u.id = r.unit_id
    WHERE r.account_id = ${accountId}::uuid`;
  return r ? { ...r, status: dbValue(ProfessionalStatus, r.status, "reporting.professional_replica.status") } : null;
}

/** 学习记录验证's people: by blind indexes and/or name (exact, or contains), registered, in the path prefix. */
export interface VerifyFilter {
  pathPrefix: string;
  idNumberHashes?: readonly string[] | undefined;
  name?: { text: string; exact: boolean } | undefined;
}

/** The CTE `years`: each matching person's years with hours counting at `at`, and their unit's region now. */
function verifyYears(f: VerifyFilter, at: Date): Prisma.Sql {
  const c = [Prisma.sql`r.status = 'APPROVED'`, Prisma.sql`r.unit_path LIKE ${likePrefix(f.pathPrefix)}`];
  if (f.idNumberHashes) c.push(Prisma.sql`r.id_number_hash = ANY(${[...f.idNumberHashes]}::text[])`);
  if (f.name?.exact) c.push(Prisma.sql`r.name = ${f.name.text}`);
  else if (f.name) c.push(...nameContains(f.name.text));
  return Prisma.sql`people AS (
      SELECT r.account_id, r.name, r.id_number_masked, u.region
      FROM reporting.professional_replica r LEFT JOIN reporting.unit_replica u ON u.id = r.unit_id
      WHERE ${Prisma.join(c, " AND ")}
    ), years AS (
      SELECT h.account_id, h.year,
             coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'GENERAL'), 0)::int AS general,
             coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'PROFESSIONAL'), 0)::int AS professional
      FROM reporting.hour_record h JOIN people USING (account_id)
      WHERE h.approved_at <= ${at} AND (h.voided_at IS NULL OR h.voided_at > ${at})
      GROUP BY h.account_id, h.year
    )`;
}

/** How many (person, year) rows 学习记录验证 has. */
export async function countVerifyRows(db: Db, f: VerifyFilter, at: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`WITH ${verifyYears(f, at)} SELECT count(*)::int AS n FROM years`;
  return row?.n ?? 0;
}

/** One (person, year) of 学习记录验证 before the rule: hours that count, and the region the rule is picked by. */
export interface VerifyYearRow {
  accountId: string;
  idNumberMasked: string;
  name: string;
  region: string | null;
  year: number;
  general: number;
  professional: number;
}

/** One window of the rows, by name, account, then newest year first. */
export async function verifyRows(db: Db, f: VerifyFilter, at: Date, { limit, offset }: { limit: number; offset: number }): Promise<VerifyYearRow[]> {
  return db.$queryRaw<VerifyYearRow[]>`
    WITH ${verifyYears(f, at)}
    SELECT p.account_id::text AS "accountId", p.id_number_masked AS "idNumberMasked", p.name, p.region, y.year, y.general, y.professional
    FROM years y JOIN people p USING (account_id)
    ORDER BY p.name, p.account_id, y.year DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * professional_name_grams (migration 0013) made to match the replica's row of one professional:
 * the rows of the name it held before (`heldName`, null: none) removed, and one row per gram of the
 * name it holds now (reporting.name_grams) added while 审核通过 — none otherwise or when the replica
 * holds nobody. The identity handlers call it when the name, status or unit changed.
 */
export async function replaceNameGrams(tx: SqlClient, schema: string, accountId: string, heldName: string | null): Promise<void> {
  const s = quoteIdent(schema);
  if (heldName !== null)
    await tx.$executeRawUnsafe(
      `DELETE FROM ${s}.professional_name_grams WHERE gram = ANY(reporting.name_grams($2)) AND name = $2 AND account_id = $1::uuid`,
      accountId,
      heldName,
    );
  await tx.$executeRawUnsafe(
    `INSERT INTO ${s}.professional_name_grams (gram, name, account_id, unit_id)
     SELECT g.gram, r.name, r.account_id, r.unit_id FROM ${s}.professional_replica r CROSS JOIN LATERAL unnest(reporting.name_grams(r.name)) AS g(gram)
     WHERE r.account_id = $1::uuid AND r.status = 'APPROVED'`,
    accountId,
  );
}
