import { type DeclarationRow, DomainError, hoursEvents, type ListAuditsInput, type Page } from "@ce/contracts";
import { type EventMeta, likePrefix, prefixFilter } from "@ce/service-kit";
import { declarationEvent } from "../events/hours.ts";
import type { Decider } from "./approvals.ts";
import type { Db, Tx } from "./client.ts";
import { listWhere, withForm } from "./declarations.ts";

/**
 * 学时审验 list: approved declarations strictly below the caller's unit. A sample keeps, per unit
 * and form, the first N (or N%) records in an order drawn from `seed`, so paging sees one sample.
 */
export async function listAuditable(db: Db, who: Decider, input: ListAuditsInput): Promise<Page<DeclarationRow>> {
  const base = {
    status: "APPROVED",
    unitPath: { ...prefixFilter(who.scopePath), not: who.scopePath },
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
      WHERE d.status = 'APPROVED' AND d.unit_path LIKE ${likePrefix(who.scopePath)} AND d.unit_path <> ${who.scopePath}
        AND (${input.year ?? null}::int IS NULL OR d.year = ${input.year ?? null}::int)
        AND (${input.formCode ?? null}::text IS NULL OR f.code = ${input.formCode ?? null}::text)
      WINDOW w AS (PARTITION BY d.unit_id, v.form_id ORDER BY md5(d.id::text || ${seed}))
    ) s
    WHERE rn <= CASE WHEN ${input.sample} = 'PERCENT' THEN ceil(n * ${size}::numeric / 100) ELSE ${size}::numeric END`;
  return listWhere(db, { id: { in: picked.map((p) => p.id) } }, input);
}

/**
 * 审验通过 (已备案) or 审验不通过 (voided: the hours stop counting, the person declares again) for
 * approved declarations of the caller's subordinates, under row locks.
 */
export async function audit(
  tx: Tx,
  who: Decider,
  ids: readonly string[],
  outcome: { passed: true } | { passed: false; reason: string },
  meta: EventMeta,
): Promise<number> {
  const unique = [...new Set(ids)];
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id::text, status FROM hours.declaration
    WHERE id = ANY(${unique}::uuid[]) AND unit_path LIKE ${likePrefix(who.scopePath)} AND unit_path <> ${who.scopePath}
    ORDER BY id FOR UPDATE`;
  if (rows.length !== unique.length) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
  if (rows.some((r) => r.status !== "APPROVED")) throw new DomainError("CONFLICT", "只能审验审核通过且尚未审验的记录，请刷新后重试");
  const reason = outcome.passed ? null : outcome.reason;
  await tx.$executeRaw`
    UPDATE hours.declaration SET status = ${outcome.passed ? "FILED" : "VOIDED"}, updated_at = now() WHERE id = ANY(${unique}::uuid[])`;
  await tx.$executeRaw`
    INSERT INTO hours.declaration_decision (id, declaration_id, kind, step_index, unit_id, unit_name, actor_account_id, actor_name, decision, reason)
    SELECT gen_random_uuid(), u.id, 'AUDIT', 0, ${who.unitId}::uuid, ${who.unitName}, ${who.accountId}::uuid, ${who.name},
           ${outcome.passed ? "AUDIT_PASSED" : "AUDIT_FAILED"}, ${reason}
    FROM unnest(${unique}::uuid[]) AS u(id)`;
  const decided = await tx.declaration.findMany({ where: { id: { in: unique } }, include: withForm });
  for (const d of decided) {
    if (outcome.passed) await declarationEvent(tx, hoursEvents.declarationAudited, d, meta);
    else {
      await declarationEvent(tx, hoursEvents.declarationAuditFailed, d, meta, reason);
      await declarationEvent(tx, hoursEvents.declarationVoided, d, meta, reason);
    }
  }
  return unique.length;
}
