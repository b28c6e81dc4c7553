// What the 批量导入 template says and offers, apart from how an XLSX is written.
import { type ImportColumnKey, importColumns, MAX_IMPORT_ROWS } from "@ce/contracts";
import { type DepartmentIndex, importChoices } from "./choices.ts";

/** The sheets' names: the one people fill, and the hidden one holding the drop-down lists. */
export const templateSheets = { data: "专业技术人员", lists: "代码表" } as const;

/** The template's file name (without the date the portal adds). */
export const TEMPLATE_NAME = "批量导入模板";

/** The note above the header row: how to fill the sheet, in the words a unit's admin reads. */
export function templateNote(): string {
  const required = importColumns.filter((c) => c.required).map((c) => c.header);
  return [
    "填写说明：",
    `1. 带 * 的列必须填写（${required.join("、")}）；请不要修改、删除或移动表头，本说明行可以保留。`,
    "2. 证件类型不填时按身份证处理；证件号列已设为文本格式，请直接输入或“粘贴为文本”，不要把证件号存成数字或科学计数法（如 3.70102E+17）。",
    "3. 证件类型、性别、学历、专业技术职务系列、职称级别、工作部门请从下拉列表中选择；工作部门须为本单位在用的部门，同名部门请选“上级部门/部门”。",
    "4. 单元格中不要使用公式；手机号填写11位手机号码，电子邮箱须能收信。",
    `5. 每个文件最多${MAX_IMPORT_ROWS}行；上传后系统先校验并列出错误，确认后才会导入。`,
  ].join("\n");
}

/** One drop-down: the column it constrains and the values offered, in order. */
export interface TemplateList {
  key: ImportColumnKey;
  header: string;
  values: string[];
}

/**
 * The drop-downs of the template: every coded column's names from the contracts code lists, and
 * 工作部门 from the unit's active departments (DepartmentIndex labels: a name, or a path where two
 * share it). A column with nothing to offer (a unit without departments) has no list. Pure.
 */
export function templateLists(departments: DepartmentIndex): TemplateList[] {
  const lists: TemplateList[] = (["idType", "sex", "education", "titleSeries", "titleLevel"] as const).map((key) => ({
    key,
    header: importChoices[key].header,
    values: importChoices[key].rows.map((r) => r.name),
  }));
  if (departments.labels.length > 0) lists.push({ key: "department", header: "工作部门", values: departments.labels });
  return lists;
}
