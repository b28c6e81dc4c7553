import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

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

/** A labelled row of a form: label, control, and the control's errors underneath. */
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
    <div className="grid grid-cols-[7rem_1fr] items-start gap-x-3">
      <label htmlFor={htmlFor} className="pt-2 text-right text-sm text-gray-700">
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

export const buttonClass =
  "inline-flex items-center justify-center rounded bg-blue-700 px-5 py-2 text-sm font-medium text-white hover:bg-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-600/40 disabled:opacity-60";

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
