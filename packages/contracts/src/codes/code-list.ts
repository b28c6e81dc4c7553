// What every code list (学历, 所属行业, 职务系列, 职称级别) derives from its rows: the zod enum of its
// codes and the lookup of a code's Chinese name, so codes and names stay in one place.
import { z } from "zod";

/** One row of a code list: the code stored and sent, and the name shown. */
export interface CodeName {
  code: string;
  name: string;
}

/**
 * The zod enum of the list's codes for the field `label` (学历, 驳回原因 …): nothing chosen (missing,
 * null or "") is refused with 请选择{label} — the words of the select it is picked from — and any
 * other value with {label}无效 (an unknown code in a file or an API call). Any rows with a `code`
 * will do (a CodeName list, or a list of codes and labels such as 驳回原因). z.enum needs a
 * non-empty tuple, hence the list's type.
 */
export function codeEnum<const L extends readonly [{ code: string }, ...{ code: string }[]]>(list: L, label: string) {
  return z.enum(list.map((row) => row.code) as [L[number]["code"], ...L[number]["code"][]], {
    error: (issue) => (issue.input === undefined || issue.input === null || issue.input === "" ? `请选择${label}` : `${label}无效`),
  });
}

/** The Chinese name of a code: always found for one of the list's codes, undefined for any other string. */
export interface NameOf<Code extends string> {
  (code: Code): string;
  (code: string): string | undefined;
}

/** The name lookup of a code list (NameOf). */
export function nameOf<const L extends readonly CodeName[]>(list: L): NameOf<L[number]["code"]> {
  const names: ReadonlyMap<string, string> = new Map(list.map((row) => [row.code, row.name]));
  return ((code: string) => names.get(code)) as NameOf<L[number]["code"]>;
}

/**
 * A stored code as people read it: its name by `nameOf` (a code list's NameOf, or regionName); a
 * code the list no longer has, as it is; none (null, empty), the empty string. E.g.
 * codeText(industryName, "G") → "交通运输、仓储和邮政业".
 */
export function codeText(nameOf: (code: string) => string | undefined, code: string | null | undefined): string {
  return code ? (nameOf(code) ?? code) : "";
}

/**
 * The zod enum of a short code set written once as its Chinese labels ({ CODE: "标签" }): the table's
 * keys in table order, so a code and its label are added together. The enum's `options` are the codes.
 */
export function enumOfLabels<const L extends Record<string, string>>(labels: L) {
  return z.enum(Object.keys(labels) as [Extract<keyof L, string>, ...Extract<keyof L, string>[]]);
}

/** The labels of a subset of a code set (an enum of some of the table's codes), in the subset's order. */
export function labelsOf<Code extends string>(subset: { options: readonly Code[] }, labels: Record<Code, string>): Record<Code, string> {
  return Object.fromEntries(subset.options.map((code) => [code, labels[code]])) as Record<Code, string>;
}
