import { ConfirmSubmit } from "./ConfirmDialog.tsx";
import { Form } from "./Form.tsx";
import { buttonClass } from "./forms.tsx";

/**
 * A form that is one button (删除, 禁用, 重置密码, 撤回申报, …): it posts `intent` and `values` as
 * hidden fields for the action's schema of that intent. `confirm`, a message naming the record,
 * makes the button a ConfirmSubmit (the one way an irreversible button asks first: a modal dialog,
 * focus kept inside, Escape or 取消 changes nothing, 确定 posts); every button that deletes, voids,
 * revokes, withdraws, disables or rejects for good has one (destructive-buttons.test.ts). Before
 * the page's script runs the button posts at once, as a plain form. A link-like button inside a
 * table row, or the page's `button` style elsewhere. Its errors come back as the page's
 * (replyMessages), its success as a flash.
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
  confirm?: string | undefined;
  button?: boolean;
}) {
  const className = button ? buttonClass : "text-blue-700 hover:underline";
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmSubmit label={label} question={() => confirm} className={className} />
      ) : (
        <button type="submit" className={className}>
          {label}
        </button>
      )}
    </Form>
  );
}
