import type { DeclarationRow, ListAuditsInput, Page } from "@ce/contracts";
import { likePrefix, prefixFilter } from "@ce/service-kit";
import type { DeclarationParties } from "./approvals.ts";
import type { Db, Tx } from "./client.ts";
import { listWhere } from "./declarations.ts";

/**
 * 学时审验 list: approved declarations strictly below `scopePath` (the caller's unit). A sample keeps, per unit
 * and form, the first N (or N%) records in an order drawn from `seed`, so paging sees one sample.
 */
export async function listAuditable(db: Db, scopePath: string, input: ListAuditsInput): Promise<Page<DeclarationRow>> {
  const base = {
    status: "APPROVED",
    unitPath: { ...prefixFilter(scopePath), not: scopePath },
    ...(input.year ? { year: input.year } : {}),
    ...(input.formCode ? { formVersion: { form: { code: input.formCode } } } : {}),
  };
  if (input.sample === "ALL" || !input.sampleSize) return listWhere(db, base, input);
  const seed = input.seed ?? "0";
  const size = input.sampleSize;
  const picked = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM (
      SELECT d.id, row_number() OVER w AS rn, count(*) OVER (PARTITION BY d.unit_id, v.form_id) AS n
      FROM hours.declaration d JOIN hours.learning_form_version v ON v.id = d.form_version_id
      JOIN hours.learning_form f ON f.id = v.form_id
      WHERE d.status = 'APPROVED' AND d.unit_path LIKE ${likePrefix(scopePath)} AND d.unit_path <> ${scopePath}
        AND (${input.year ?? null}::int IS NULL OR d.year = ${input.year ?? null}::int)
        AND (${input.formCode ?? null}::text IS NULL OR f.code = ${input.formCode ?? null}::text)
      WINDOW w AS (PARTITION BY d.unit_id, v.form_id ORDER BY md5(d.id::text || ${seed}))
    ) s
    WHERE rn <= CASE WHEN ${input.sample} = 'PERCENT' THEN ceil(n * ${size}::numeric / 100) ELSE ${size}::numeric END`;
  return listWhere(db, { id: { in: picked.map((p) => p.id) } }, input);
}

/**
 * Locks the declarations of `ids` strictly below `scopePath` (the caller's own unit's are not
 * theirs to audit), in id order, and returns their status, declarant's name and parties (nobody
 * audits their own record). Others are missing from the result.
 */
export function lockForAudit(tx: Tx, ids: readonly string[], scopePath: string): Promise<({ id: string; status: string } & DeclarationParties)[]> {
  return tx.$queryRaw<({ id: string; status: string } & DeclarationParties)[]>`
    SELECT id::text, status, professional_name AS "professionalName", ARRAY[professional_id::text, declared_by::text] AS parties FROM hours.declaration
    WHERE id = ANY(${[...ids]}::uuid[]) AND unit_path LIKE ${likePrefix(scopePath)} AND unit_path <> ${scopePath}
    ORDER BY id FOR UPDATE`;
}
