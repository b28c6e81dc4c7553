import { z } from "zod";
import { wholeNumberField } from "../numbers.ts";
import { SearchText, SingleLineText } from "../text.ts";

export const DepartmentStatus = z.enum(["ACTIVE", "DISABLED"]);
export type DepartmentStatus = z.infer<typeof DepartmentStatus>;
export const departmentStatusLabels: Record<DepartmentStatus, string> = { ACTIVE: "启用", DISABLED: "禁用" };

const departmentName = SingleLineText({ label: "部门名称", min: 1, max: 50, required: "请输入部门名称", tooLong: "部门名称最多50个字" });
const sortOrder = wholeNumberField({ label: "排序号", min: 0, max: 9999, required: "排序号必须是整数", notWhole: "排序号必须是整数" });

/** 管理内设部门: the whole tree of the caller's unit, optionally narrowed by 名称. */
export const ListDepartmentsInput = z.object({ name: SearchText("部门名称") });
export type ListDepartmentsInput = z.infer<typeof ListDepartmentsInput>;

/** One node of the tree, listed in tree order (parents before children); depth 0 is a root. */
export const DepartmentNode = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  status: DepartmentStatus,
  depth: z.number().int(),
  /** Whether it matched the 名称 filter (ancestors of a match are listed for context). */
  matched: z.boolean(),
});
export type DepartmentNode = z.infer<typeof DepartmentNode>;

/** 添加 (parentId null: a root department) and 添加下级. */
export const CreateDepartmentInput = z.object({
  parentId: z.uuid().nullable().default(null),
  name: departmentName,
  sortOrder: sortOrder.default(0),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;

/** 编辑: rename and reorder. */
export const UpdateDepartmentInput = z.object({ id: z.uuid(), name: departmentName, sortOrder });
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

/** 禁用 / 启用. */
export const SetDepartmentStatusInput = z.object({ id: z.uuid(), status: DepartmentStatus });
export type SetDepartmentStatusInput = z.infer<typeof SetDepartmentStatusInput>;
