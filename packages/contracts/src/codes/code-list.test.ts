// The code lists' enums and name lookups, derived by code-list.ts from the same rows; the short code
// sets' enums, derived from their label tables.
import { describe, expect, it } from "vitest";
import {
  IdType,
  idTypeLabels,
  ProfessionalStatus,
  registrationStatusLabels,
  TrainingLevel,
  trainingLevelLabels,
  UnitKind,
  UnitNature,
  UnitStatus,
  UserType,
  unitKindLabels,
  unitNatureLabels,
  userTypeLabels,
} from "../domain-codes.ts";
import { RejectReasonCode } from "../hours/approvals.ts";
import { DeclarationStatus, declarationStatusLabels, recognitionResultLabels } from "../hours/declarations.ts";
import { ImportJobStatus, ImportKeptReason, importJobStatusLabels, importKeptReasonLabels } from "../identity/import.ts";
import { codeText } from "./code-list.ts";
import { EducationCode, educationLevels, educationName } from "./education.ts";
import { IndustryCode, industries, industryName } from "./industries.ts";
import { regionName } from "./regions.ts";
import { TitleLevelCode, TitleSeriesCode, titleLevelName, titleLevels, titleSeries, titleSeriesName } from "./title-series.ts";

const lists = [
  ["学历", educationLevels, EducationCode, educationName, "学历无效"],
  ["所属行业", industries, IndustryCode, industryName, "所属行业无效"],
  ["职务系列", titleSeries, TitleSeriesCode, titleSeriesName, "职务系列无效"],
  ["职称级别", titleLevels, TitleLevelCode, titleLevelName, "职称级别无效"],
] as const;

describe.each(lists)("%s", (label, rows, schema, name, error) => {
  it("accepts every code of the list and names it with its row's name", () => {
    for (const row of rows) {
      expect(schema.parse(row.code)).toBe(row.code);
      expect(name(row.code)).toBe(row.name);
    }
  });

  it.each(["", "bachelor", "UNKNOWN", " A"])("refuses %j with its message and has no name for it", (code) => {
    const parsed = schema.safeParse(code);
    expect(parsed.success).toBe(false);
    // Nothing chosen reads as the select's prompt; an unknown code as invalid.
    expect(parsed.error?.issues[0]?.message).toBe(code === "" ? `请选择${label}` : error);
    expect(name(code)).toBeUndefined();
  });
});

// The short code sets written once as their labels (enumOfLabels), and the sets derived from another's codes and labels.
describe.each([
  ["用户类型", UserType, userTypeLabels],
  ["证件类型", IdType, idTypeLabels],
  ["单位性质", UnitNature, unitNatureLabels],
  ["审核状态", UnitStatus, registrationStatusLabels],
  ["施教级别", TrainingLevel, trainingLevelLabels],
  ["申报状态", DeclarationStatus, declarationStatusLabels],
  ["导入任务状态", ImportJobStatus, importJobStatusLabels],
  ["撤销保留原因", ImportKeptReason, importKeptReasonLabels],
] as const)("%s", (_label, schema, labels) => {
  it("accepts exactly the table's codes, in the table's order", () => {
    expect(schema.options).toEqual(Object.keys(labels));
    for (const code of schema.options) expect(schema.parse(code)).toBe(code);
  });

  it.each(["", "pending", "UNKNOWN", " APPROVED"])("refuses %j", (code) => {
    expect(schema.safeParse(code).success).toBe(false);
  });
});

describe("code sets derived from another's", () => {
  it("a unit's kind is a user type without 个人, with the same labels", () => {
    expect(UnitKind.options).toEqual(["AUTHORITY", "EMPLOYER", "TRAINING_BASE"]);
    expect(unitKindLabels).toEqual({ AUTHORITY: "主管部门", EMPLOYER: "用人单位", TRAINING_BASE: "继续教育基地" });
    expect(UnitKind.safeParse("PROFESSIONAL").success).toBe(false);
  });

  it("a professional's registration status is a unit's without 已删除", () => {
    expect(ProfessionalStatus.options).toEqual(["PENDING", "APPROVED", "REJECTED"]);
    expect(ProfessionalStatus.safeParse("DISABLED").success).toBe(false);
  });

  it("认定结果 reads the status words but 通过 / 不通过 for a decision", () => {
    expect(recognitionResultLabels).toEqual({
      PENDING: "待审核",
      APPROVED: "通过",
      REJECTED: "不通过",
      WITHDRAWN: "已撤回",
      FILED: "已备案",
      VOIDED: "已作废",
    });
  });
});

// Pages print a stored code by its name; a code a list no longer has stays readable as it is; none is blank.
describe("codeText", () => {
  it.each([
    ["a list's code: its name", educationName, "BACHELOR", educationName("BACHELOR")],
    ["a region code: its name", regionName, "370100", regionName("370100")],
    ["a code the list does not have: as it is", industryName, "ZZ", "ZZ"],
    ["null: blank", titleSeriesName, null, ""],
    ["undefined: blank", titleSeriesName, undefined, ""],
    ["empty: blank", titleSeriesName, "", ""],
  ] as const)("%s", (_, nameOf, code, text) => {
    expect(codeText(nameOf, code)).toBe(text);
  });

  it("never answers a known code with the code itself", () => {
    expect(codeText(educationName, "BACHELOR")).not.toBe("BACHELOR");
  });
});

// New-user pass F11: a select left at its prompt said 学历无效 — it asks 请选择学历, as the select does.
describe("codeEnum's messages", () => {
  it.each([
    [EducationCode, undefined, "请选择学历"],
    [EducationCode, null, "请选择学历"],
    [EducationCode, 3, "学历无效"],
    [TitleLevelCode, undefined, "请选择职称级别"],
    [RejectReasonCode, "", "请选择驳回原因"],
    [RejectReasonCode, "NOPE", "驳回原因无效"],
  ] as const)("%#: %j → %s", (schema, input, message) => {
    expect(schema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});
