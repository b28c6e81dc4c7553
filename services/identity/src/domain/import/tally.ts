// The dry run's count (校验结果) kept as rows arrive: 可导入 / 有错误 / 重复 and the first errors.
import { type IdType, IMPORT_ERRORS_SHOWN, type ImportDryRun, type ImportRowError, importColumns } from "@ce/contracts";
import type { CellError } from "./row.ts";

const ID_HEADER = importColumns.find((c) => c.key === "idNumber")?.header ?? "证件号";

/** Messages for the two kinds of 重复, and for a row the day's lookup budget left unchecked. */
export const duplicateMessages = {
  inFile: (firstRow: number) => `证件号与第${firstRow}行重复`,
  registered: "该证件号已在平台注册，不会重复导入",
  unchecked: "今日证件号核对次数已用完，未核对该证件号是否已注册，本行不会导入，请明天再校验",
  uncheckedNote: (row: number) => `今日证件号核对次数已用完：第${row}行起未核对证件号是否已注册的行不会导入，请明天再校验`,
} as const;

/**
 * What the database said of a valid row's 证件号: `registered` (重复), `free` (可导入), or
 * `unchecked` — the day's lookup budget was spent, so it was not asked (有错误, not imported).
 */
export type RegistryAnswer = "registered" | "free" | "unchecked";

/**
 * Counts rows in the order they are read (row numbers as Excel shows them). A valid row is 重复
 * when its 证件号 (under any 证件类型) came on an earlier valid row (in-file) or is already registered; otherwise
 * 可导入. Only the first `shown` errors are kept (the counts cover every row). Not I/O; holds one
 * entry per valid row for the in-file check (bounded by MAX_IMPORT_ROWS).
 */
export class DryRunTally {
  private readonly seen = new Map<string, number>();
  private readonly errors: ImportRowError[] = [];
  private errorCount = 0;
  private readonly notes: string[] = [];
  private uncheckedNoted = false;
  private counts = { rows: 0, importable: 0, invalid: 0, duplicates: 0 };

  constructor(private readonly shown: number = IMPORT_ERRORS_SHOWN) {}

  /** A row with cell errors: 有错误. */
  invalid(row: number, errors: readonly CellError[]): void {
    this.counts.rows++;
    this.counts.invalid++;
    for (const e of errors) this.push({ row, column: e.column, message: e.message });
  }

  /** The row on which this 证件号 (under any 证件类型) first came, if it came before (an in-file repeat needs no database answer). */
  firstRowOf(idNumber: string): number | undefined {
    return this.seen.get(idNumber);
  }

  /**
   * A valid row with what the database said of it (`answer`; ignored for an in-file repeat).
   * Returns whether it counts as 重复; an `unchecked` row counts as 有错误 on 证件号.
   */
  valid(row: number, _idType: IdType, idNumber: string, answer: RegistryAnswer): boolean {
    this.counts.rows++;
    // One number is one person whatever 证件类型 a row gives it.
    const key = idNumber;
    const first = this.seen.get(key);
    if (first === undefined && answer === "unchecked") {
      if (!this.uncheckedNoted) this.notes.push(duplicateMessages.uncheckedNote(row));
      this.uncheckedNoted = true;
      this.seen.set(key, row);
      this.counts.invalid++;
      this.push({ row, column: ID_HEADER, message: duplicateMessages.unchecked });
      return false;
    }
    const registered = answer === "registered";
    if (first !== undefined || registered) {
      this.counts.duplicates++;
      this.push({ row, column: ID_HEADER, message: first !== undefined ? duplicateMessages.inFile(first) : duplicateMessages.registered });
      if (first === undefined) this.seen.set(key, row);
      return true;
    }
    this.seen.set(key, row);
    this.counts.importable++;
    return false;
  }

  /** A remark about the file as a whole (e.g. where reading stopped). */
  note(message: string): void {
    this.notes.push(message);
  }

  /** The dry run's answer so far. */
  result(): ImportDryRun {
    return { ...this.counts, errors: [...this.errors], errorsTruncated: this.errorCount > this.errors.length, notes: [...this.notes] };
  }

  private push(error: ImportRowError): void {
    this.errorCount++;
    if (this.errors.length < this.shown) this.errors.push(error);
  }
}
