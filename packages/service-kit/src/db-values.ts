// Values read from a database column are checked against the contract schema they claim to be,
// at the repository boundary, instead of being cast: a stray status or a malformed JSON column
// then fails at the read that met it, naming the column, rather than reaching a screen as a label
// nobody can render or an object with missing keys.
import type { z } from "zod";

/** A stored value that does not match its column's contract: a data fault, never a user's (a 500). */
export class DbValueError extends Error {
  constructor(
    readonly column: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`${column} holds a value outside its schema: ${issues.map((i) => `${i.path.join(".") || "(value)"}: ${i.message}`).join("; ")}`);
    this.name = "DbValueError";
  }
}

/**
 * Parses `value`, read from `column` (e.g. "hours.declaration.chain"), with `schema` (a contracts
 * enum or object schema) and returns the parsed value, typed by the schema. Throws DbValueError
 * naming the column and the failing paths when it does not match; the value itself is not put in
 * the message, since a column may hold personal data.
 */
export function dbValue<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DbValueError(column, parsed.error.issues);
  return parsed.data;
}
