import { type KeyboardEvent, type RefObject, useId, useRef, useState } from "react";

/** A visible focus for the dialog's buttons: an outline (not only a ring), as keyboard users need to see where they are. */
const focusOutline = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
/** The page's button look (forms.tsx buttonClass) without its `focus:outline-none`, which would hide that outline. */
const confirmButton = "inline-flex items-center justify-center rounded bg-blue-700 px-5 py-2 text-sm font-medium text-white hover:bg-blue-800";

/**
 * Tab and Shift+Tab go round the dialog's buttons: a modal <dialog> makes the page inert, but
 * Chromium still lets Tab leave the last button for the browser's own controls (focus lands on body).
 */
function keepTabInside(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== "Tab") return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not([disabled])")];
  const first = buttons[0];
  const last = buttons.at(-1);
  if (!first || !last) return;
  const edge = e.shiftKey ? first : last;
  if (document.activeElement !== edge) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
}

/**
 * The confirmation of a form's irreversible action (RowAction's `confirm`: 删除, 重置密码, 设为超级管理员,
 * 撤销导入 …; ConfirmSubmit's: 批量驳回, 审验不通过, 不通过 …), placed inside that form. A native
 * <dialog> that the opener shows with showModal(): the page behind is inert and Tab goes round its
 * buttons (keepTabInside), so keyboard focus stays in the dialog; Escape closes it (the dialog's own
 * cancel); however it closes, focus goes back to `opener`. 确定 submits the form — as `submit` (the
 * opener's name and value) when given — and closes the dialog; 取消 closes it. Focus starts on 取消,
 * so a stray Enter changes nothing.
 */
export function ConfirmDialog({
  dialog,
  opener,
  cancel,
  message,
  submit,
}: {
  dialog: RefObject<HTMLDialogElement>;
  opener: RefObject<HTMLButtonElement>;
  cancel: RefObject<HTMLButtonElement>;
  message: string;
  submit?: { name: string; value: string } | undefined;
}) {
  const messageId = useId();
  return (
    <dialog
      ref={dialog}
      aria-labelledby={messageId}
      onClose={() => opener.current?.focus()}
      onKeyDown={keepTabInside}
      className="m-auto max-w-md rounded border border-gray-300 bg-white p-0 text-left shadow-xl backdrop:bg-black/40"
    >
      <div className="space-y-5 p-6 text-sm">
        <p id={messageId} className="text-gray-900">
          {message}
        </p>
        <div className="flex justify-end gap-3">
          <button
            type="submit"
            name={submit?.name}
            value={submit?.value}
            onClick={() => dialog.current?.close()}
            className={`${confirmButton} ${focusOutline}`}
          >
            确定
          </button>
          <button
            ref={cancel}
            type="button"
            onClick={() => dialog.current?.close()}
            className={`rounded border border-gray-300 px-5 py-2 text-gray-800 hover:bg-gray-50 ${focusOutline}`}
          >
            取消
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** Opens `dialog` as a modal and puts focus on its 取消 button. */
export function openConfirm(dialog: RefObject<HTMLDialogElement>, cancel: RefObject<HTMLButtonElement>) {
  dialog.current?.showModal();
  cancel.current?.focus();
}

/**
 * The one way a form's irreversible submit button asks first — every button that deletes, voids,
 * revokes, withdraws, disables or rejects for good (批量驳回, 审验不通过, a 详细 page's 驳回 / 不通过,
 * 撤回申报, 撤销申请, RowAction's 删除 / 禁用 / 重置密码 …; destructive-buttons.test.ts fails on one
 * that does not): pressed, it asks `question(form, button)` for what to confirm, a message naming
 * the record. Null — nothing would happen yet (no row ticked, a reason missing: forms.tsx
 * questionWhenValid) — submits at once, so the form's own checks answer; otherwise a ConfirmDialog
 * asks, and its 确定 submits the form as this button would (its `name` and `value`, when it has
 * them; a RowAction's intent rides in a hidden field). Before the page's script runs the button
 * submits at once, as a plain form button.
 */
export function ConfirmSubmit({
  name,
  value,
  label,
  question,
  className,
  disabled,
}: {
  name?: string;
  value?: string;
  label: string;
  question: (form: HTMLFormElement, button: HTMLButtonElement) => string | null;
  className: string;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState("");
  return (
    <>
      <button
        ref={opener}
        type="submit"
        name={name}
        value={value}
        className={className}
        disabled={disabled}
        onClick={(e) => {
          const form = e.currentTarget.form;
          const asked = form ? question(form, e.currentTarget) : null;
          if (asked === null) return;
          e.preventDefault();
          setMessage(asked);
          openConfirm(dialog, cancel);
        }}
      >
        {label}
      </button>
      <ConfirmDialog dialog={dialog} opener={opener} cancel={cancel} message={message} submit={name === undefined ? undefined : { name, value: value ?? "" }} />
    </>
  );
}
