import { z } from "zod";

/**
 * Free text that a person types: one schema for every name, filter, reason and note that crosses
 * the wire, so that nothing PostgreSQL cannot store (NUL) or a reviewer cannot see (controls,
 * bidi overrides) ever reaches a table, a log line or another person's screen.
 */

// C0 controls except TAB/LF (multi-line only), DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of this pattern.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// U+2028/U+2029 (line/paragraph separator) break a line as LF does.
const LINE_BREAK_OR_TAB = /[\t\n\u2028\u2029]/u;
// Bidi embeddings/overrides/isolates reorder what a reviewer reads (CVE-2021-42574, "Trojan Source").
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Noncharacters (Unicode §23.7): U+FDD0–U+FDEF and the last two code points of every plane.
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

// What trimming removes at either end: whitespace and the characters Unicode says render as
// nothing (Default_Ignorable_Code_Point: zero-width space and joiners, soft hyphen, word joiner,
// LRM/RLM, BOM, Hangul fillers…), so a value of only such characters is blank — never a 姓名 or a
// 调减说明 nobody can see; also the Braille blank U+2800, which renders as a space without being one.
// Bidi embeddings/overrides are left in place, to be refused below.
const INVISIBLE_NOT_BIDI = String.raw`(?:(?![\u202A-\u202E\u2066-\u2069])[\s\p{Z}\p{Default_Ignorable_Code_Point}\u2800])+`;
const EDGE_INVISIBLE = new RegExp(`^${INVISIBLE_NOT_BIDI}|${INVISIBLE_NOT_BIDI}$`, "gu");

/**
 * Trims `value` at both ends of whitespace and invisible characters (see EDGE_INVISIBLE); inner
 * characters are kept. Pure; "\u200B" and "\u3000\u00AD" become "". Source: Unicode
 * DerivedCoreProperties.txt (Default_Ignorable_Code_Point), PropList.txt (White_Space).
 */
export function trimInvisible(value: string): string {
  return value.replace(EDGE_INVISIBLE, "");
}

// Inside one line: the invisible format characters (Default_Ignorable_Code_Point: ZWSP, LRM/RLM,
// ALM, CGJ, tag characters, U+180E, soft hyphen, Hangul fillers…) but the zero-width joiner of an
// emoji sequence, and the bidi controls textFault refuses.
const INNER_INVISIBLE = /(?![\u200D\u202A-\u202E\u2066-\u2069])\p{Default_Ignorable_Code_Point}/gu;

/**
 * Removes the invisible format characters inside one line of text (INNER_INVISIBLE), so that
 * "H\u200Bd" and "Hd" are one 部门名称 — two names that look the same are the same name. Pure;
 * the ZWJ of "👩\u200D💻" and bidi controls (refused by textFault) stay.
 */
export function stripInnerInvisible(value: string): string {
  return value.replace(INNER_INVISIBLE, "");
}

/** Why a piece of text is refused, or null when it is fine. */
export type TextFault = "control" | "surrogate" | "noncharacter" | "bidi";

/**
 * Finds the first character a text field must not hold: NUL and other C0/C1 controls (TAB and
 * LF allowed when `multiLine`), a lone UTF-16 surrogate (not valid Unicode; PostgreSQL would
 * store U+FFFD), a noncharacter such as U+FFFE/U+FFFF, or a bidi embedding/override/isolate
 * (U+202A–U+202E, U+2066–U+2069). Pure; returns null for acceptable text. Source: Unicode
 * Standard §23.1 (control codes), §23.7 (noncharacters), UAX #9 (bidi controls).
 */
export function textFault(value: string, multiLine = false): TextFault | null {
  if (CONTROL.test(value) || (!multiLine && LINE_BREAK_OR_TAB.test(value))) return "control";
  if (LONE_SURROGATE.test(value)) return "surrogate";
  if (NONCHARACTER.test(value)) return "noncharacter";
  if (BIDI_CONTROL.test(value)) return "bidi";
  return null;
}

/** The message a person sees for a refused character, naming the field. */
export function textFaultMessage(label: string): string {
  return `${label}含有不允许的字符（控制字符或不可见的格式字符），请删除后重试`;
}

export interface TextOptions {
  /** The field's Chinese label, as the form prints it (used in every message). */
  label: string;
  /** Most characters (UTF-16 units, as the browser's maxlength counts). */
  max: number;
  /** Fewest characters after trimming; 1 makes the field required ("请填写…"). */
  min?: number;
  /** Overrides the "请填写…" message (e.g. a form's existing wording). */
  required?: string;
  /** Overrides the "…不能超过N个字" message. */
  tooLong?: string;
}

function text({ label, max, min = 0, required = `请填写${label}`, tooLong = `${label}不能超过${max}个字` }: TextOptions, multiLine: boolean) {
  let schema = z.string({ error: required }).overwrite(trimInvisible);
  // Browsers submit a textarea's line breaks as CRLF; store one form (U+2028/U+2029 too).
  if (multiLine) schema = schema.overwrite((s) => s.replace(/\r\n?|[\u2028\u2029]/g, "\n"));
  else schema = schema.overwrite(stripInnerInvisible);
  if (min > 0) schema = schema.min(min, { error: min === 1 ? required : `${label}至少${min}个字` });
  return schema.max(max, { error: tooLong }).refine((s) => textFault(s, multiLine) === null, { error: textFaultMessage(label) });
}

/**
 * One line of free text (names, filters, titles): trimmed, invisible format characters inside
 * removed (stripInnerInvisible), `min`..`max` characters, no control, line-break (U+2028/U+2029
 * included), bidi or noncharacter. A zod string schema, so `.optional()`, `.nullable()` and
 * `.default()` compose; errors are Chinese messages naming `label`.
 */
export function SingleLineText(opts: TextOptions) {
  return text(opts, false);
}

/**
 * Several lines of free text (reasons, notes, 学习内容): as SingleLineText, but TAB and line
 * breaks are kept (CRLF and CR become LF).
 */
export function MultiLineText(opts: TextOptions) {
  return text(opts, true);
}

/** A search box: optional single-line text whose blank value means "no filter". */
export function SearchText(label: string, max = 50) {
  return SingleLineText({ label, max }).optional();
}

/**
 * Whether `value` passes the search box `typed` when a list is filtered in memory (a department
 * tree): a case-insensitive literal "contains", the same test service-kit's containsFilter and
 * likeContains ask PostgreSQL for (ILIKE with % and _ escaped), so every list means the same by a
 * filter. An absent or blank `typed` is no filter (true). Pure; never throws.
 */
export function matchesSearch(value: string, typed: string | null | undefined): boolean {
  const needle = typed?.trim() ?? "";
  return needle === "" || value.toLowerCase().includes(needle.toLowerCase());
}

/**
 * An opaque token a client echoes back (captcha id, draft id, reset token): printable ASCII
 * only, 1..`max` characters. Refuses with the given Chinese message.
 */
export function OpaqueToken(message: string, max = 200) {
  return z
    .string({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .regex(/^[\x21-\x7E]+$/, { error: message });
}
