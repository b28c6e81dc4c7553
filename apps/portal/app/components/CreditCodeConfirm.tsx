import { CREDIT_CODE_CONFIRM_MESSAGE, CREDIT_CODE_MISMATCH_CONFIRMED_LABEL } from "@ce/contracts";

/**
 * Whether a code field's errors ask the applicant to confirm a credit code whose check character
 * does not match (some codes issued before 2016), or the confirmation was already ticked.
 */
export function needsCodeConfirmation(errors: readonly string[] | null | undefined, confirmedValue?: unknown): boolean {
  return (errors ?? []).includes(CREDIT_CODE_CONFIRM_MESSAGE) || confirmedValue === "on" || confirmedValue === true;
}

/**
 * The second step of entering such a code: a checkbox named `codeConfirmed` ("on" when ticked),
 * shown under the code field only when `show`. Both 用人单位注册 and 修改单位信息 use it.
 */
export function CreditCodeConfirm({
  show,
  id,
  defaultChecked = false,
  className = "",
}: {
  show: boolean;
  id: string;
  defaultChecked?: boolean;
  className?: string;
}) {
  if (!show) return null;
  return (
    <label htmlFor={id} className={`flex items-start gap-2 text-sm text-gray-700 ${className}`}>
      <input id={id} type="checkbox" name="codeConfirmed" defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4" />
      <span>已与营业执照核对，确认统一社会信用代码无误（校验位不符时仍提交）</span>
    </label>
  );
}

/** How reviewers see a confirmed mismatch next to the code: "校验位不符，已由申请人确认". */
export function CodeMismatchNote({ mismatch }: { mismatch: boolean }) {
  if (!mismatch) return null;
  return <span className="ml-1 block text-xs text-amber-700">{CREDIT_CODE_MISMATCH_CONFIRMED_LABEL}</span>;
}

/**
 * A requested code change as the reviewer must see it, in the cell itself (never only in a
 * tooltip): "原代码 X → 新代码 Y", the mismatch note beside the new code, which is the one the
 * applicant confirmed. An absent old code reads 无.
 */
export function CodeChange({ oldCode, newCode, mismatch }: { oldCode: string | null; newCode: string | null; mismatch: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1">
      <span>
        <span className="font-sans text-gray-500">原代码</span> {oldCode || "无"}
      </span>
      <span aria-hidden="true">→</span>
      <span className="sr-only">改为</span>
      <span>
        <span className="font-sans text-gray-500">新代码</span> <strong>{newCode ?? ""}</strong>
        <CodeMismatchNote mismatch={mismatch} />
      </span>
    </span>
  );
}
