// One data row of 批量导入 checked as 专业技术人员注册 checks its form: the same schemas and ID rules.
import {
  Email,
  type IdType,
  type ImportColumn,
  type ImportColumnKey,
  importColumns,
  MobilePhone,
  parseIdNumber,
  parseResidentId,
  SingleLineText,
} from "@ce/contracts";
import type { z } from "zod";
import { type CellRead, readCell, type SheetCell } from "./cells.ts";
import { type DepartmentIndex, importChoices, pickChoice, pickDepartment, pickIdType } from "./choices.ts";

/** A row's cells by column (a column the sheet lacks is absent). */
export type RowCells = Partial<Record<ImportColumnKey, SheetCell>>;

/** What is wrong with one cell (or the row, column ""), in Chinese. */
export interface CellError {
  column: string;
  message: string;
}

/** A valid row: the person as registration would store them (codes, normalised 证件号, null for an empty optional field). */
export interface ImportedPerson {
  idType: IdType;
  idNumber: string;
  name: string;
  phone: string;
  email: string;
  departmentId: string | null;
  education: string;
  titleSeries: string;
  titleLevel: string;
  qualification: string | null;
  major: string | null;
  certificateNo: string | null;
}

/** What a row is checked against: the unit's departments and "today" (an ID's birth date may not be later). */
export interface RowContext {
  departments: DepartmentIndex;
  now: Date;
}

const columnOf = Object.fromEntries(importColumns.map((c) => [c.key, c])) as Record<ImportColumnKey, ImportColumn>;

// One schema per free-text column, built once: zod schemas are costly to build and a file has 200,000 rows.
const textSchemas = Object.fromEntries(importColumns.map((c) => [c.key, SingleLineText({ label: c.header, max: c.max })])) as Record<
  ImportColumnKey,
  ReturnType<typeof SingleLineText>
>;

const firstMessage = (error: z.ZodError): string => error.issues[0]?.message ?? "内容不正确";

/**
 * Checks one row: every cell read (readCell: numbers that lost digits, formulas without a result,
 * dates, error values refused), required columns filled, 姓名 and the free-text columns as
 * registration's SingleLineText (no control or bidi characters, length), 证件类型 by name or code
 * (empty = 身份证), 证件号 by contracts parseIdNumber for its type (normalizeIdentifier first: full-width
 * digits, spaces, dashes), 性别 (optional) against a 身份证 number's 17th digit, 手机号 (MobilePhone:
 * +86 and separators folded) and 电子邮箱 (Email), 学历 / 专业技术职务系列 / 职称级别 by name, code or
 * alias, 工作部门 within the unit. Returns the person, or every error of the row in column order. Pure.
 */
export function validateRow(cells: RowCells, ctx: RowContext): { ok: true; person: ImportedPerson } | { ok: false; errors: CellError[] } {
  const errors: CellError[] = [];
  const refuse = (column: ImportColumn, message: string) => errors.push({ column: column.header, message });
  const text: Partial<Record<ImportColumnKey, string>> = {};
  for (const column of importColumns) {
    const read: CellRead = readCell(cells[column.key], column);
    if (!read.ok) refuse(column, read.message);
    else if (read.text === "" && column.required) refuse(column, `${column.header}不能为空`);
    else text[column.key] = read.text;
  }
  const value = (key: ImportColumnKey): string | undefined => text[key];
  const freeText = (key: ImportColumnKey): string | null | undefined => {
    const raw = value(key);
    if (raw === undefined) return undefined;
    const column = columnOf[key];
    const parsed = textSchemas[key].safeParse(raw);
    if (!parsed.success) {
      refuse(column, firstMessage(parsed.error));
      return undefined;
    }
    return parsed.data === "" ? null : parsed.data;
  };

  const name = freeText("name");
  const idType = checkIdType(value("idType"), (m) => refuse(columnOf.idType, m));
  const idNumber = checkIdNumber(idType, value("idNumber"), value("sex"), ctx.now, refuse);
  const phone = schemaValue(MobilePhone, value("phone"), (m) => refuse(columnOf.phone, m));
  const email = schemaValue(Email, value("email"), (m) => refuse(columnOf.email, m));
  const departmentId = checkDepartment(ctx.departments, value("department"), (m) => refuse(columnOf.department, m));
  const education = checkChoice("education", value("education"), refuse);
  const titleSeries = checkChoice("titleSeries", value("titleSeries"), refuse);
  const titleLevel = checkChoice("titleLevel", value("titleLevel"), refuse);
  const qualification = freeText("qualification");
  const major = freeText("major");
  const certificateNo = freeText("certificateNo");

  if (errors.length > 0) {
    const order = new Map(importColumns.map((c, i) => [c.header as string, i]));
    return { ok: false, errors: errors.sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0)) };
  }
  // Every field below was set: a required one that failed added an error above.
  return {
    ok: true,
    person: {
      idType: idType as IdType,
      idNumber: idNumber as string,
      name: name as string,
      phone: phone as string,
      email: email as string,
      departmentId: departmentId ?? null,
      education: education as string,
      titleSeries: titleSeries as string,
      titleLevel: titleLevel as string,
      qualification: qualification ?? null,
      major: major ?? null,
      certificateNo: certificateNo ?? null,
    },
  };
}

function schemaValue(schema: z.ZodType<string, string>, raw: string | undefined, refuse: (m: string) => void): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  refuse(firstMessage(parsed.error));
  return undefined;
}

function checkIdType(raw: string | undefined, refuse: (m: string) => void): IdType | undefined {
  if (raw === undefined) return undefined;
  const picked = pickIdType(raw);
  if (picked.ok) return picked.code;
  refuse(picked.message);
  return undefined;
}

function checkIdNumber(
  idType: IdType | undefined,
  raw: string | undefined,
  sex: string | undefined,
  now: Date,
  refuse: (column: ImportColumn, message: string) => void,
): string | undefined {
  const sexCode = sex ? checkChoiceCode("sex", sex, refuse) : undefined;
  if (raw === undefined || raw === "" || idType === undefined) return undefined;
  const parsed = parseIdNumber(idType, raw, now);
  if (!parsed.ok) {
    refuse(columnOf.idNumber, parsed.message);
    return undefined;
  }
  if (idType === "RESIDENT_ID" && sexCode) {
    const resident = parseResidentId(parsed.normalized, now);
    if (resident.ok && resident.value.sex !== sexCode) {
      refuse(columnOf.sex, `性别与身份证号不符（身份证号第17位表示${resident.value.sex === "M" ? "男" : "女"}）`);
    }
  }
  return parsed.normalized;
}

type CodedKey = "education" | "titleSeries" | "titleLevel" | "sex";

function checkChoiceCode(key: CodedKey, raw: string, refuse: (column: ImportColumn, message: string) => void): string | undefined {
  const picked = pickChoice(importChoices[key], raw);
  if (picked.ok) return picked.code;
  refuse(columnOf[key], picked.message);
  return undefined;
}

function checkChoice(key: CodedKey, raw: string | undefined, refuse: (column: ImportColumn, message: string) => void): string | undefined {
  return raw === undefined || raw === "" ? undefined : checkChoiceCode(key, raw, refuse);
}

function checkDepartment(index: DepartmentIndex, raw: string | undefined, refuse: (m: string) => void): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === "") return null;
  const picked = pickDepartment(index, raw);
  if (picked.ok) return picked.id;
  refuse(picked.message);
  return undefined;
}
