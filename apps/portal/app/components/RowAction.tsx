import { Form } from "./Form.tsx";
import { buttonClass } from "./forms.tsx";

/**
 * A form that is one button (删除, 禁用, 重置密码, 撤回申报, …): it posts `intent` and `values` as
 * hidden fields for the action's schema of that intent; `confirm` asks first (window.confirm).
 * A link-like button inside a table row, or the page's `button` style elsewhere. Its errors come
 * back as the page's (replyMessages), its success as a flash.
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
  return (
    <Form method="post" className="inline" onSubmit={(e) => (confirm && !window.confirm(confirm) ? e.preventDefault() : undefined)}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={button ? buttonClass : "text-blue-700 hover:underline"}>
        {label}
      </button>
    </Form>
  );
}
