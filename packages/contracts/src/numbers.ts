import { z } from "zod";
import { normalizeIdentifier } from "./validation/identifier.ts";

/** Options of wholeNumberField: the field's label and range, and the messages a person sees. */
export interface WholeNumberOptions {
  /** The field's Chinese label, as the form prints it. */
  label: string;
  min: number;
  max: number;
  /** Empty, absent or not a number at all; default "请填写{label}". */
  required?: string;
  /** A fraction, an exponent, hex or any other spelling; default "{label}须为整数". */
  notWhole?: string;
  /** Below `min`; default "{label}不能小于{min}". */
  tooSmall?: string;
  /** Above `max`; default "{label}不能大于{max}". */
  tooLarge?: string;
}

// After normalizeIdentifier (NFKC turns full-width digits from a Chinese IME into ASCII; spaces and
// invisible characters go, a minus sign U+2212 becomes '-'): an optional sign and decimal
// digits with an optional decimal fraction. Nothing else is a number a person typed: `z.coerce`
// would read "1e3" as 1000, "0x10" as 16, and "", " ", null or [] as 0.
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A number a person typed into a learning form's own field (培训天数, 通过课程门数): a finite JSON
 * number, or a string that after normalizeIdentifier (NFKC: full-width digits; no spaces or
 * invisible characters) is a plain decimal — "12", "１２", " 1.5 " → 12, 12, 1.5. Anything else is
 * null: "0x10", "1e1", "Infinity", "", "abc", true (what `Number()` would read as 16, 10, ∞, 0, 1).
 */
export function parseTypedDecimal(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value !== "string") return null;
  const typed = normalizeIdentifier(value);
  return DECIMAL.test(typed) ? Number(typed) + 0 : null;
}

/**
 * A whole number a person types into a form or a client sends (学时, 排序号, 抽样数量, 年度): a
 * JSON number, or a string that after normalizeIdentifier (NFKC, no spaces or invisible
 * characters) is a plain decimal ("12", "０１２", " 4 ", "1 000" → 12, 12, 4, 1000). Returns a zod schema whose output is the number. Errors, each a
 * Chinese message naming the field: blank or not a number/string → `required`; "0.5", "1e1",
 * "0x10", "abc" → `notWhole`; out of `min`…`max` → `tooSmall`/`tooLarge`.
 */
export function wholeNumberField({
  label,
  min,
  max,
  required = `请填写${label}`,
  notWhole = `${label}须为整数`,
  tooSmall = `${label}不能小于${min}`,
  tooLarge = `${label}不能大于${max}`,
}: WholeNumberOptions) {
  return (
    z
      // Text first: a posted form's value reaches the check below as typed — conform's parseWithZod
      // turns text into a number with Number() for a z.number() it meets first ("0x10" → 16, "1e2" → 100).
      .union([z.string(), z.number()], { error: required })
      .transform((value, ctx) => {
        if (typeof value === "number") return value;
        const typed = normalizeIdentifier(value);
        // "+ 0" turns a typed "-0" into 0.
        if (DECIMAL.test(typed)) return Number(typed) + 0;
        ctx.issues.push({ code: "custom", message: typed === "" ? required : notWhole, input: value });
        return z.NEVER;
      })
      .pipe(
        z
          .number({ error: required })
          .refine(Number.isInteger, { error: notWhole, abort: true })
          .refine((n) => n >= min, { error: tooSmall, abort: true })
          .refine((n) => n <= max, { error: tooLarge }),
      )
  );
}
