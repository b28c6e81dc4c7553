/**
 * The empty option of a select and the "nothing chosen" message name what is to be chosen:
 * `choosePrompt("调入单位")` → "请选择调入单位". A label that already starts with the verb
 * ("选择调入单位", "请选择…", "选择：") is not given it twice — the 人员调出 form read
 * "请选择选择调入单位". Returns "请选择" alone for a label that is only the verb or empty.
 */
export function choosePrompt(label: string): string {
  return `请选择${chooseSubject(label)}`;
}

/** What a select label names, without a leading 选择/请选择 or a trailing colon: "选择调入单位" → "调入单位". */
export function chooseSubject(label: string): string {
  return label
    .trim()
    .replace(/^(请)?选择\s*[:：]?\s*/, "")
    .replace(/\s*[:：]$/, "");
}
