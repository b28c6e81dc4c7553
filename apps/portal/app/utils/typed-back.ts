/**
 * A form without conform that the server refused must come back with what the person typed: a
 * browser without JavaScript shows a fresh page, and an input without a default is empty (修改单位信息
 * lost the code after "校验位不符…请确认", then refused the confirmed submit as empty). Conform
 * forms get this from `submission.reply()` (lastResult); the others put `typedBack(...)` in their
 * refusal as `typed` and read it with `typedOr`. Only the named fields are echoed — never a
 * password, captcha or token — each as its text (a File or a missing field is left out).
 */
/** The part name of a page's one batch form (ticked rows + reason): review pages, 学时审批, 学时审验. */
export const BATCH_PART = "batch";

export interface Typed {
  /** Which form of the page was refused (a page may hold several: 保存, 修改单位信息, 更换上级部门). */
  part: string;
  values: Record<string, string>;
  /** Every value of a checkbox group (the rows ticked in a batch form, the permissions of a role). */
  checked: Record<string, string[]>;
}

export function typedBack(
  form: Record<string, FormDataEntryValue | undefined> | FormData,
  part: string,
  names: readonly string[],
  groups: readonly string[] = [],
): Typed {
  const get = (n: string) => (form instanceof FormData ? form.get(n) : form[n]);
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = get(name);
    if (typeof value === "string") values[name] = value;
  }
  const checked: Record<string, string[]> = {};
  for (const group of groups) {
    const all = form instanceof FormData ? form.getAll(group) : [form[group]];
    checked[group] = all.filter((v): v is string => typeof v === "string");
  }
  return { part, values, checked };
}

/**
 * What to show in a field of form `part` after a reply: the typed text when that form was the
 * one refused, otherwise `fallback` (the stored value, or "").
 */
export function typedOr(typed: Typed | null | undefined, part: string, name: string, fallback: string): string {
  if (!typed || typed.part !== part) return fallback;
  return typed.values[name] ?? fallback;
}

/** Whether a checkbox of `group` with `value` comes back ticked: it was ticked in the refused form `part`, else `fallback`. */
export function typedChecked(typed: Typed | null | undefined, part: string, group: string, value: string, fallback = false): boolean {
  const values = typed?.part === part ? typed.checked[group] : undefined;
  return values ? values.includes(value) : fallback;
}
