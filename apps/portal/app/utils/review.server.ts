import type { BatchOutcome } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { Flash, redirectWithFlash, samePage } from "./flash.server.ts";
import { invalid, refused } from "./form-action.server.ts";
import { readTextForm } from "./form-data.server.ts";
import { zhErrorMap } from "./validation.ts";

/** Every field of a batch form (components/BatchReview.tsx): the rows ticked, the button pressed, the reason, 学时审批's 驳回原因. */
export const BATCH_FIELDS = ["ids", "decision", "reasonCode", "reason"] as const;

/** The longest flash (flash.server.ts); the names a batch message lists are cut to fit. */
const FLASH_MAX = Flash.shape.message.maxLength ?? 500;

/**
 * `labels` joined by 、 while they fit in `room` characters; the rest are counted:
 * 张三的申报、李四的申报等120条.
 */
function namesWithin(labels: readonly string[], room: number): string {
  const shown: string[] = [];
  let used = 0;
  for (const label of labels) {
    if (shown.length > 0 && used + label.length + 1 > room) break;
    shown.push(label);
    used += label.length + 1;
  }
  return shown.length < labels.length ? `${shown.join("、")}等${labels.length}条` : shown.join("、");
}

/**
 * What the flash after a batch says (batch contract, @ce/contracts batch.ts): `done` (what was done
 * to the decided ones, e.g. 已审核通过198条申报), then per reason for skipping its count and the
 * records' names: 已审核通过198条申报；2条已被其他管理员处理：张三的申报、李四的申报. Long lists end in
 * 等N条 so the message fits a flash.
 */
export function batchMessage(done: string, outcome: BatchOutcome): string {
  const groups = new Map<string, string[]>();
  for (const s of outcome.skipped) groups.set(s.message, [...(groups.get(s.message) ?? []), s.label]);
  const room = Math.floor((FLASH_MAX - done.length) / Math.max(groups.size, 1)) - 20;
  const parts = [...groups].map(([message, labels]) => `；${labels.length}条${message}：${namesWithin(labels, room)}`);
  const text = done + parts.join("");
  return text.length <= FLASH_MAX ? text : `${text.slice(0, FLASH_MAX - 1)}…`;
}

/**
 * The action of every batch-review page (审核用人单位, 审核注册人员, 审核人员信息修改, 学时审批,
 * 学时审验): parses the form with the page's contracts `schema` (conform, zhErrorMap; `decision` is
 * the button pressed) — a refusal answers 400 with conform's reply (form-action.server.ts invalid);
 * sends the value to `decide` — a service refusal goes through the one error path (refused: an
 * expired session to /login, else the messages with the failure's own status, 404 for a record
 * outside the caller's reach); on success redirects back to the same list (filters and page kept)
 * with a flash of `done(value, decided count)` and the skipped records named (batchMessage), in
 * the info tone when some were skipped.
 */
export async function batchReviewAction<Schema extends z.ZodType<{ decision: "APPROVE" | "REJECT" }>>(
  request: Request,
  schema: Schema,
  decide: (value: z.output<Schema>) => Promise<BatchOutcome>,
  done: (value: z.output<Schema>, count: number) => string,
) {
  const submission = parseWithZod(await readTextForm(request), { schema, error: zhErrorMap });
  if (submission.status !== "success") return invalid(submission);
  let outcome: BatchOutcome;
  try {
    outcome = await decide(submission.value);
  } catch (error) {
    return refused(request, submission, error, { fields: BATCH_FIELDS });
  }
  const tone = outcome.skipped.length > 0 ? "info" : "success";
  return redirectWithFlash(samePage(request), batchMessage(done(submission.value, outcome.decided.length), outcome), { tone });
}
