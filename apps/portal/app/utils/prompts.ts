/**
 * The empty option of a select and the "nothing chosen" message name what is to be chosen:
 * `choosePrompt("调入单位")` → "请选择调入单位". A label that already starts with the verb
 * ("选择调入单位", "请选择…", "选择：") is not given it twice — the 人员调出 form read
 * "请选择选择调入单位". Returns "请选择" alone for a label that is only the verb or empty.
 */
export function choosePrompt(label: string): string {
  const subject = label
    .trim()
    .replace(/^(请)?选择\s*[:：]?\s*/, "")
    .replace(/\s*[:：]$/, "");
  return `请选择${subject}`;
}
