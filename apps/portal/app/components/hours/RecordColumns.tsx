import { complianceVerdict, type DeclarationRow, recognitionResultLabels, subjectTypeLabels } from "@ce/contracts";
import { type Column, linkColumn } from "../DataTable.tsx";

/**
 * 姓名 认定年度 科目类型 学习形式 申报学时 认定学时 当前处理人 认定结果 (查看申报记录, 学时审批, 学时审验,
 * each `numbered`: 序号 first).
 */
export const recordColumns: readonly Column<DeclarationRow>[] = [
  { header: "姓名", cell: (r) => r.professionalName },
  { header: "认定年度", cell: (r) => r.year, className: "text-center" },
  { header: "科目类型", cell: (r) => subjectTypeLabels[r.subject], className: "text-center" },
  { header: "学习形式", cell: (r) => r.formName },
  { header: "申报学时", cell: (r) => r.requestedHours, className: "text-center" },
  { header: "认定学时", cell: (r) => r.recognizedHours ?? "", className: "text-center" },
  { header: "当前处理人", cell: (r) => r.currentHandlerName ?? "" },
  { header: "认定结果", cell: (r) => recognitionResultLabels[r.status], className: "text-center" },
];

/** 申报单位: the unit that declared for the person (代为申报, e.g. a 继续教育基地's class), else 本人申报 (查看申报记录). */
export const declaredByColumn: Column<DeclarationRow> = { header: "申报单位", cell: (r) => r.declaredByUnitName ?? "本人申报" };

/** 操作: 详细, opening the record's page. */
export const detailColumn: Column<DeclarationRow> = linkColumn("详细", (r) => `/hours/records/${r.id}`);

/** One year of a person's hours as their year tables show it (首页's ComplianceYear, 学习记录's LearningYear). */
type YearHours = { year: number; general: number; professional: number; total: number; compliant: boolean };

/**
 * 年度 完成公需课时 完成专业课时 总完成学时 认定结果: a person's years (首页's 学时达标情况, 查询统计's
 * 学习记录); `figures` aligns the three hour columns.
 */
export function yearColumns<Y extends YearHours>(figures: "text-center" | "text-right"): Column<Y>[] {
  return [
    { header: "年度", cell: (y) => y.year, className: "text-center" },
    { header: "完成公需课时", cell: (y) => y.general, className: figures },
    { header: "完成专业课时", cell: (y) => y.professional, className: figures },
    { header: "总完成学时", cell: (y) => y.total, className: figures },
    { header: "认定结果", cell: (y) => complianceVerdict(y.compliant), className: "text-center" },
  ];
}
