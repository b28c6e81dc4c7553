// The coded columns of 批量导入: a cell names a code list entry by its Chinese name, its code, or a
// spelling people commonly use; 工作部门 names one of the unit's own departments.
import { educationLevels, type IdType, idTypeLabels, normalizeIdentifier, titleLevels, titleSeries } from "@ce/contracts";

/** One row of a code list: the code stored, the name shown (contracts' code lists have this shape). */
export interface CodeName {
  code: string;
  name: string;
}

/** A code list as the import reads it: its rows, the spellings that also name a row, and its column's header. */
export interface ImportChoiceList {
  header: string;
  rows: readonly CodeName[];
  aliases: Readonly<Record<string, string>>;
}

const idTypeRows: CodeName[] = Object.entries(idTypeLabels).map(([code, name]) => ({ code, name }));

/** 证件类型, 学历, 专业技术职务系列, 职称级别 and 性别: their rows (the template's drop-downs) and aliases. */
export const importChoices = {
  idType: {
    header: "证件类型",
    rows: idTypeRows,
    aliases: { 居民身份证: "RESIDENT_ID", 二代身份证: "RESIDENT_ID", 身份证号: "RESIDENT_ID", 港澳通行证: "HK_MACAO_PERMIT", 台胞证: "TAIWAN_PERMIT" },
  },
  education: {
    header: "学历",
    rows: educationLevels,
    aliases: {
      博士: "DOCTORATE",
      研究生博士: "DOCTORATE",
      硕士: "MASTER",
      研究生硕士: "MASTER",
      大学本科: "BACHELOR",
      大学专科: "ASSOCIATE",
      专科: "ASSOCIATE",
      中等专科: "SECONDARY_VOCATIONAL",
    },
  },
  titleSeries: { header: "专业技术职务系列", rows: titleSeries, aliases: {} },
  titleLevel: {
    header: "职称级别",
    rows: titleLevels,
    aliases: { 副高: "DEPUTY_SENIOR", 正高: "FULL_SENIOR", 副高级职称: "DEPUTY_SENIOR", 正高级职称: "FULL_SENIOR" },
  },
  sex: {
    header: "性别",
    rows: [
      { code: "M", name: "男" },
      { code: "F", name: "女" },
    ],
    aliases: { 男性: "M", 女性: "F" },
  },
} as const satisfies Record<string, ImportChoiceList>;

/** One spelling for comparing a typed choice with a list: NFKC, no spaces or invisible characters, upper case. */
export const choiceKey = (text: string): string => normalizeIdentifier(text);

const indexes = new WeakMap<ImportChoiceList, Map<string, string>>();
function indexOf(list: ImportChoiceList): Map<string, string> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map<string, string>();
    for (const row of list.rows) {
      index.set(choiceKey(row.code), row.code);
      index.set(choiceKey(row.name), row.code);
    }
    for (const [alias, code] of Object.entries(list.aliases)) index.set(choiceKey(alias), code);
    indexes.set(list, index);
  }
  return index;
}

/**
 * The code a typed value names in `list` (by name, code or alias, compared after choiceKey), or
 * the Chinese reason: the list's names when there are at most 8 of them, else a pointer to the
 * template's drop-down. Pure.
 */
export function pickChoice(list: ImportChoiceList, text: string): { ok: true; code: string } | { ok: false; message: string } {
  const code = indexOf(list).get(choiceKey(text));
  if (code) return { ok: true, code };
  const names = list.rows.map((r) => r.name);
  const hint = names.length <= 8 ? `应为：${names.join("、")}` : "请从模板的下拉列表中选择";
  return { ok: false, message: `${list.header}“${text}”不在可选范围内，${hint}` };
}

/** A department of the importing unit, as the tree stores it. */
export interface DepartmentEntry {
  id: string;
  name: string;
  parentId: string | null;
}

/** The unit's departments by what a cell may say: a name found once, or a path 上级部门/部门 for a name used under two parents. */
export interface DepartmentIndex {
  /** What the template's drop-down offers, in the given order: the name, or the path when the name is not unique. */
  labels: string[];
  byLabel: ReadonlyMap<string, string>;
  ambiguous: ReadonlySet<string>;
}

/**
 * Indexes active departments (`departments` in tree order) for the import: every path
 * (上级/下级, joined with '/') finds its department; a name alone finds it when no other department
 * of the unit has that name. Keys are compared after choiceKey. Pure.
 */
export function departmentIndex(departments: readonly DepartmentEntry[]): DepartmentIndex {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const pathOf = (d: DepartmentEntry): string => {
    const names: string[] = [];
    for (let at: DepartmentEntry | undefined = d; at && names.length < 50; at = at.parentId ? byId.get(at.parentId) : undefined) names.unshift(at.name);
    return names.join("/");
  };
  const nameCount = new Map<string, number>();
  for (const d of departments) nameCount.set(choiceKey(d.name), (nameCount.get(choiceKey(d.name)) ?? 0) + 1);
  const byLabel = new Map<string, string>();
  const ambiguous = new Set<string>();
  const labels: string[] = [];
  for (const d of departments) {
    const unique = nameCount.get(choiceKey(d.name)) === 1;
    byLabel.set(choiceKey(pathOf(d)), d.id);
    if (unique) byLabel.set(choiceKey(d.name), d.id);
    else ambiguous.add(choiceKey(d.name));
    labels.push(unique ? d.name : pathOf(d));
  }
  return { labels, byLabel, ambiguous };
}

/** The department a 工作部门 cell names, or the Chinese reason (unknown, or a name two departments share). Pure. */
export function pickDepartment(index: DepartmentIndex, text: string): { ok: true; id: string } | { ok: false; message: string } {
  const key = choiceKey(text.replace(/\s*[/／>＞]\s*/g, "/"));
  const id = index.byLabel.get(key);
  if (id) return { ok: true, id };
  if (index.ambiguous.has(key)) return { ok: false, message: `本单位有多个名为“${text}”的部门，请填写完整路径（如 上级部门/${text}）` };
  return { ok: false, message: `工作部门“${text}”不是本单位的在用部门，请从模板的下拉列表中选择` };
}

/** The 证件类型 code list as an IdType lookup: an empty cell is 身份证, as on the registration form. */
export function pickIdType(text: string): { ok: true; code: IdType } | { ok: false; message: string } {
  if (text === "") return { ok: true, code: "RESIDENT_ID" };
  const picked = pickChoice(importChoices.idType, text);
  return picked.ok ? { ok: true, code: picked.code as IdType } : picked;
}
