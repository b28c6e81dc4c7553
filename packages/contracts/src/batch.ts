import { z } from "zod";
import { DomainError } from "./errors.ts";

/**
 * One contract for every batch action (审核用人单位, 审核注册人员, 审核人员信息修改, 学时审批, 学时审验):
 *
 * - The request names at most MAX_BATCH_ITEMS records (`BatchIds`); an id given twice counts once.
 * - The whole batch is decided in one transaction. An id that is unknown or outside the caller's
 *   scope refuses the WHOLE batch with DomainError NOT_FOUND and nothing is written, so nothing
 *   is revealed about another unit's records (`planBatch`).
 * - A record that is no longer waiting for the caller (another admin decided it first, the
 *   person withdrew it, it moved on to the next level) is skipped and listed with the reason;
 *   every other record is decided. The answer is a `BatchOutcome`: who was decided, who was skipped
 *   and why, each named the way the admin knows it (张三的申报, a unit's name, a person's name).
 * - A single-record action (审核 one declaration) is the same use case with one id; there a skip
 *   is a DomainError CONFLICT carrying the reason (`requireDecided`), since that page needs an
 *   error, not a list.
 */

/** The most records one batch may name. */
export const MAX_BATCH_ITEMS = 200;

/** The records a batch names: 1 to MAX_BATCH_ITEMS UUIDs, duplicates removed (the output holds each id once). */
export const BatchIds = z
  .array(z.uuid({ error: "所选记录编号无效" }), { error: "请选择要审核的记录" })
  .min(1, { error: "请选择要审核的记录" })
  .transform((ids) => [...new Set(ids)])
  .pipe(z.array(z.string()).max(MAX_BATCH_ITEMS, { error: `一次最多审核${MAX_BATCH_ITEMS}条` }));
export type BatchIds = z.infer<typeof BatchIds>;

/** Why a record of a batch was skipped: it is no longer waiting for the caller. */
export const BatchSkipReason = z.enum(["ALREADY_DECIDED"]);
export type BatchSkipReason = z.infer<typeof BatchSkipReason>;

/** The message of the usual skip: another admin decided the record first. */
export const ALREADY_DECIDED_MESSAGE = "已被其他管理员处理";

/** A record of a batch as the admin knows it: its id and its label (张三的申报, a unit's name). */
export const BatchItem = z.object({ id: z.uuid(), label: z.string() });
export type BatchItem = z.infer<typeof BatchItem>;

/** A skipped record, with the reason code and the Chinese why (已被其他管理员处理, 已被申报人撤回). */
export const BatchSkipped = BatchItem.extend({ reason: BatchSkipReason, message: z.string() });
export type BatchSkipped = z.infer<typeof BatchSkipped>;

/** What a batch did, record by record (the rule is at the top of this file). */
export const BatchOutcome = z.object({ decided: z.array(BatchItem), skipped: z.array(BatchSkipped) });
export type BatchOutcome = z.infer<typeof BatchOutcome>;

/**
 * Splits the rows a batch found (locked, in the caller's scope) into those to decide now and those
 * no longer waiting (`isWaiting` false), each list in the order of `found`. Raises DomainError
 * NOT_FOUND with `notFound` when any requested id is missing from `found` (unknown or outside the
 * scope): the whole batch is refused before anything is written.
 */
export function planBatch<T extends { id: string }>(
  requested: readonly string[],
  found: readonly T[],
  rule: { isWaiting: (row: T) => boolean; notFound: string },
): { waiting: T[]; skipped: T[] } {
  const seen = new Set(found.map((r) => r.id));
  if (requested.some((id) => !seen.has(id))) throw new DomainError("NOT_FOUND", rule.notFound);
  return { waiting: found.filter(rule.isWaiting), skipped: found.filter((r) => !rule.isWaiting(r)) };
}

/** The outcome of a planned batch: each row labelled by `label`, a skipped one with `why(row)` (default 已被其他管理员处理). */
export function batchOutcome<T extends { id: string }>(
  plan: { waiting: readonly T[]; skipped: readonly T[] },
  label: (row: T) => string,
  why: (row: T) => string = () => ALREADY_DECIDED_MESSAGE,
): BatchOutcome {
  return {
    decided: plan.waiting.map((r) => ({ id: r.id, label: label(r) })),
    skipped: plan.skipped.map((r) => ({ id: r.id, label: label(r), reason: "ALREADY_DECIDED", message: why(r) })),
  };
}

/**
 * A single-record action's outcome: returned unchanged when its record was decided; a skipped one
 * raises DomainError CONFLICT "<label><message>，请刷新后重试" (e.g. 张三的申报已被其他管理员处理，请刷新后重试).
 */
export function requireDecided(outcome: BatchOutcome): BatchOutcome {
  const skipped = outcome.skipped[0];
  if (skipped) throw new DomainError("CONFLICT", `${skipped.label}${skipped.message}，请刷新后重试`);
  return outcome;
}
