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
 * - Nobody decides their own case (separation of duties): a record the deciding account is a party
 *   to — their own 学时申报, one they declared for someone else, their own 信息修改 — is skipped with
 *   OWN_CASE_MESSAGE (`planBatch`'s `isOwn`), whatever permissions the account holds.
 * - A single-record action (审核 one declaration) is the same use case with one id; there a skip
 *   is a DomainError carrying the reason (`requireDecided`: CONFLICT, or FORBIDDEN for one's own
 *   case), since that page needs an error, not a list.
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
export const BatchSkipReason = z.enum(["ALREADY_DECIDED", "OWN_CASE"]);
export type BatchSkipReason = z.infer<typeof BatchSkipReason>;

/** The message of the usual skip: another admin decided the record first. */
export const ALREADY_DECIDED_MESSAGE = "已被其他管理员处理";

/** Why a record the deciding account is a party to is skipped (separation of duties). */
export const OWN_CASE_MESSAGE = "是本人的申请，须由其他管理员审核";

/**
 * Whether `deciderAccountId` is a party to a record: one of `parties` (the declarant, whoever
 * declared it for them, the person a change is about). Null parties (none recorded) never match.
 */
export const isOwnCase = (deciderAccountId: string, parties: readonly (string | null | undefined)[]): boolean =>
  parties.some((party) => party != null && party === deciderAccountId);

/** A record of a batch as the admin knows it: its id and its label (张三的申报, a unit's name). */
export const BatchItem = z.object({ id: z.uuid(), label: z.string() });
export type BatchItem = z.infer<typeof BatchItem>;

/** A skipped record, with the reason code and the Chinese why (已被其他管理员处理, 已被申报人撤回). */
export const BatchSkipped = BatchItem.extend({ reason: BatchSkipReason, message: z.string() });
export type BatchSkipped = z.infer<typeof BatchSkipped>;

/** What a batch did, record by record (the rule is at the top of this file). */
export const BatchOutcome = z.object({ decided: z.array(BatchItem), skipped: z.array(BatchSkipped) });
export type BatchOutcome = z.infer<typeof BatchOutcome>;

/** A skipped row of a plan, with why: no longer waiting for the caller, or the caller's own case. */
export interface PlannedSkip<T> {
  row: T;
  reason: BatchSkipReason;
}

/**
 * Splits the rows a batch found (locked, in the caller's scope) into those to decide now and those
 * skipped, each list in the order of `found`: a row the deciding account is a party to (`isOwn`,
 * see isOwnCase) is skipped as OWN_CASE, one no longer waiting (`isWaiting` false) as
 * ALREADY_DECIDED. Raises DomainError NOT_FOUND with `notFound` when any requested id is missing
 * from `found` (unknown or outside the scope): the whole batch is refused before anything is written.
 */
export function planBatch<T extends { id: string }>(
  requested: readonly string[],
  found: readonly T[],
  rule: { isWaiting: (row: T) => boolean; isOwn?: (row: T) => boolean; notFound: string },
): { waiting: T[]; skipped: PlannedSkip<T>[] } {
  const seen = new Set(found.map((r) => r.id));
  if (requested.some((id) => !seen.has(id))) throw new DomainError("NOT_FOUND", rule.notFound);
  const waiting: T[] = [];
  const skipped: PlannedSkip<T>[] = [];
  for (const row of found) {
    if (rule.isOwn?.(row)) skipped.push({ row, reason: "OWN_CASE" });
    else if (rule.isWaiting(row)) waiting.push(row);
    else skipped.push({ row, reason: "ALREADY_DECIDED" });
  }
  return { waiting, skipped };
}

/**
 * The outcome of a planned batch: each row labelled by `label`; a row skipped as ALREADY_DECIDED
 * with `why(row)` (default 已被其他管理员处理), one skipped as OWN_CASE with OWN_CASE_MESSAGE.
 */
export function batchOutcome<T extends { id: string }>(
  plan: { waiting: readonly T[]; skipped: readonly PlannedSkip<T>[] },
  label: (row: T) => string,
  why: (row: T) => string = () => ALREADY_DECIDED_MESSAGE,
): BatchOutcome {
  return {
    decided: plan.waiting.map((r) => ({ id: r.id, label: label(r) })),
    skipped: plan.skipped.map(({ row, reason }) => ({
      id: row.id,
      label: label(row),
      reason,
      message: reason === "OWN_CASE" ? OWN_CASE_MESSAGE : why(row),
    })),
  };
}

/**
 * A single-record action's outcome: returned unchanged when its record was decided; a skipped one
 * raises DomainError CONFLICT "<label><message>，请刷新后重试" (e.g. 张三的申报已被其他管理员处理，请刷新后重试),
 * or FORBIDDEN "<label><OWN_CASE_MESSAGE>" for the caller's own case (refreshing will not help).
 */
export function requireDecided(outcome: BatchOutcome): BatchOutcome {
  const skipped = outcome.skipped[0];
  if (skipped?.reason === "OWN_CASE") throw new DomainError("FORBIDDEN", `${skipped.label}${skipped.message}`);
  if (skipped) throw new DomainError("CONFLICT", `${skipped.label}${skipped.message}，请刷新后重试`);
  return outcome;
}
