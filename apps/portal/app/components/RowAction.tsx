import { useRef } from "react";
import { ConfirmDialog, openConfirm } from "./ConfirmDialog.tsx";
import { Form } from "./Form.tsx";
import { buttonClass } from "./forms.tsx";

/**
 * A form that is one button (删除, 禁用, 重置密码, 撤回申报, …): it posts `intent` and `values` as
 * hidden fields for the action's schema of that intent; `confirm` asks first, in a ConfirmDialog
 * (a modal <dialog>: focus kept inside, Escape closes, focus back on this button). Before the page's
 * script runs the button posts at once, as a plain form. A link-like button inside a table row, or
 * the page's `button` style elsewhere. Its errors come back as the page's (replyMessages), its
 * success as a flash.
 */
export function RowAction({
  intent,
  values,
  label,
  confirm,
  button = false,
}: {
  intent: string;
  values: Readonly<Record<string, string>>;
  label: string;
  confirm?: string;
  button?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Form method="post" className="inline" onSubmit={() => dialog.current?.close()}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        ref={opener}
        type="submit"
        className={button ? buttonClass : "text-blue-700 hover:underline"}
        onClick={(e) => {
          if (!confirm) return;
          e.preventDefault();
          openConfirm(dialog, cancel);
        }}
      >
        {label}
      </button>
      {confirm ? <ConfirmDialog dialog={dialog} opener={opener} cancel={cancel} message={confirm} /> : null}
    </Form>
  );
}
