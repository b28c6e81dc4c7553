import { type DefaultValue, type FieldMetadata, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Link, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useState } from "react";
import type { z } from "zod";
import type { Flash } from "../utils/flash.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

/** Conform's metadata of one string field of any form (its form schema left at conform's default), for field components shared by forms. */
export type StringField = FieldMetadata<string | null | undefined>;

/** Messages for one field (or the whole form), tied to its input by `id` / aria-describedby. */
export function ErrorList({ id, errors }: { id?: string; errors?: readonly string[] | null }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-red-600">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/**
 * A labelled row of a form: label, control, and the control's errors underneath — the label
 * beside the control from sm (640 px) up, above it on a phone, where a 7rem label column would
 * leave the control too narrow to read its value.
 */
export function Field({
  label,
  htmlFor,
  errors,
  errorId,
  required,
  children,
}: {
  label: string;
  htmlFor: string;
  errors?: readonly string[] | null;
  errorId?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="grid grid-cols-1 items-start gap-x-3 gap-y-1 sm:grid-cols-[7rem_minmax(0,1fr)] sm:gap-y-0">
      <label htmlFor={htmlFor} className="text-sm text-gray-700 sm:pt-2 sm:text-right">
        {required ? <span className="mr-0.5 text-red-600">*</span> : null}
        {label}:
      </label>
      <div>
        {children}
        <ErrorList id={errorId} errors={errors} />
      </div>
    </div>
  );
}

/** A text input or select without a width; `inputClass` is the full-width one forms use. */
export const inputBase =
  "rounded border border-gray-300 px-3 py-2 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/20 aria-[invalid=true]:border-red-500";

export const inputClass = `w-full ${inputBase}`;

/** One choice of a Select: the value sent (`code`) and the text shown (`name`), as the code lists name them. */
export type SelectOption = { readonly code: string | number; readonly name: string };

/**
 * The one <select> markup of the portal's forms and filter bars: an option per `options` entry,
 * led by an empty option reading `prompt` (请选择…, 全部) when one is given. Every other prop goes
 * to the <select> (id, name, value or defaultValue, onChange, className, aria-*, conform's
 * getSelectProps less its `key`); its label is the caller's (Field, a <label>, or aria-label).
 */
export function Select({ options, prompt, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[]; prompt?: string }) {
  return (
    <select {...props}>
      {prompt === undefined ? null : <option value="">{prompt}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

/**
 * A file field that reads in Chinese whatever the browser's language (new-user pass F3: the native
 * input said "Choose File" / "No file chosen" in an English browser): the native input stays — visually
 * hidden, focusable, labelled by its Field, posted with the form — a 选择文件 button (its label) opens
 * it, and the chosen files' names, or 未选择文件, show beside it. As wide as its column and never wider
 * (long names wrap: a phone's page never scrolls sideways). `onChange` still runs.
 */
export function FileInput({ id, onChange, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { id: string }) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-3 gap-y-1 pt-1 text-sm">
      <input
        {...props}
        id={id}
        type="file"
        className="peer sr-only"
        onChange={(e) => {
          setNames(Array.from(e.currentTarget.files ?? [], (f) => f.name));
          onChange?.(e);
        }}
      />
      <label
        htmlFor={id}
        className="cursor-pointer rounded border border-gray-400 bg-white px-3 py-1 text-gray-800 hover:bg-gray-50 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-600/60"
      >
        选择文件
      </label>
      <span className="min-w-0 break-all text-gray-600">{names.length === 0 ? "未选择文件" : names.join("、")}</span>
    </div>
  );
}

export const buttonClass =
  "inline-flex items-center justify-center rounded bg-blue-700 px-5 py-2 text-sm font-medium text-white hover:bg-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-600/40 disabled:opacity-60";

/**
 * A form's submit button under its fields (lined up with the inputs of `Field` rows), disabled
 * while the form is being sent; `cancel` adds 取消 leading there, `children` go beside it (返回登录).
 */
export function SubmitRow({ label, wide = false, cancel, children }: { label: string; wide?: boolean; cancel?: string; children?: ReactNode }) {
  const navigation = useNavigation();
  return (
    <div className={`pl-[7.75rem] ${children || cancel ? "flex items-center gap-3" : ""}`}>
      <button type="submit" className={`${buttonClass} ${wide ? "w-full" : ""}`} disabled={navigation.state === "submitting"}>
        {label}
      </button>
      {cancel ? (
        <Link to={cancel} className="text-sm text-gray-600 hover:underline">
          取消
        </Link>
      ) : null}
      {children}
    </div>
  );
}

/**
 * The grey box a list page opens its form in, above the list (添加部门, 编辑角色, 分配角色): a region
 * named `label` (`title` by default) with `title` as its heading; `className` adds a width.
 */
export function FormPanel({ title, label = title, className = "", children }: { title: string; label?: string; className?: string; children: ReactNode }) {
  return (
    <section aria-label={label} className={`mb-4 rounded border border-gray-200 bg-gray-50 p-4 text-sm ${className}`}>
      <h2 className="mb-3 font-semibold text-gray-800">{title}</h2>
      {children}
    </section>
  );
}

/** Errors about the whole form (e.g. 证件号或密码错误), shown above its button. */
export function FormErrors({ id, errors }: { id?: string; errors?: readonly string[] | null }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div id={id} role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

/** A form's values as its shared schema reads them (conform needs an object). */
type FormSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * The one way a page builds a form: conform over the same contracts schema its action parses with
 * (utils/form-action.server.ts), so the browser checks exactly what the server checks, with the
 * same Chinese messages (zhErrorMap) and the schema's constraints on the inputs. `lastResult` is
 * the action's `result`; it is applied once the submission has settled. `validate` is when fields
 * are first checked ("onBlur" for forms filled field by field, "onSubmit" for the short ones).
 *
 * After a successful submit the action redirects back with a flash (redirect-after-post); the form
 * then starts afresh: its id changes with each new flash, so put `key={form.id}` on the <Form> to
 * clear inputs that are not conform's (a plain `defaultValue`).
 */
export function useSchemaForm<Schema extends FormSchema>(
  schema: Schema,
  {
    id,
    lastResult,
    defaultValue,
    validate = "onBlur",
  }: {
    id: string;
    lastResult: SubmissionResult<string[]> | null | undefined;
    defaultValue?: DefaultValue<z.input<Schema>>;
    validate?: "onBlur" | "onSubmit";
  },
) {
  const navigation = useNavigation();
  return useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: `${id}${useSuccessMark()}`,
    lastResult: navigation.state === "idle" ? lastResult : null,
    constraint: getZodConstraint(schema),
    defaultValue,
    shouldValidate: validate,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: zhErrorMap }),
  });
}

/**
 * A ConfirmSubmit question that is asked only when the form, sent by `button`, would pass `schema`
 * (the check conform makes on submit): `question` of the form's data then; null otherwise, so the
 * submit goes on and the form shows its own messages (no row ticked, a reason missing) instead.
 */
export function questionWhenValid(schema: FormSchema, question: (data: FormData) => string) {
  return (form: HTMLFormElement, button: HTMLButtonElement): string | null => {
    const data = new FormData(form, button);
    return parseWithZod(data, { schema, error: zhErrorMap }).status === "success" ? question(data) : null;
  };
}

/**
 * "" until a flash arrives while the page is shown, then "-" and a piece of the newest flash's id:
 * a mark that changes with each successful submit and stays put through later refusals (whose
 * reload of the root clears the flash).
 */
function useSuccessMark(): string {
  const flashId = useRouteLoaderData<{ flash?: Flash | null }>("root")?.flash?.id ?? null;
  const [seen, setSeen] = useState(flashId);
  if (flashId && flashId !== seen) setSeen(flashId);
  return seen ? `-${seen.slice(0, 8)}` : "";
}

/** Every message of an action's reply, fields' and form's alike, for a form with no visible fields (a row's button). */
export function replyMessages(result: SubmissionResult<string[]> | null | undefined): string[] {
  const out: string[] = [];
  for (const messages of Object.values(result?.error ?? {})) for (const m of messages ?? []) if (!out.includes(m)) out.push(m);
  return out;
}

/** The errors of a refused one-button form (RowAction), above the page's list; nothing when `result` is none or holds none. */
export function ReplyErrors({ result }: { result: SubmissionResult<string[]> | null | undefined }) {
  const messages = replyMessages(result);
  if (messages.length === 0) return null;
  return (
    <div className="mb-4">
      <FormErrors errors={messages} />
    </div>
  );
}
