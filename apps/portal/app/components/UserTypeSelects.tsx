import { IdType, idTypeLabels, UserType, userTypeLabels } from "@ce/contracts";
import type { SelectHTMLAttributes } from "react";
import { inputClass, Select } from "./forms.tsx";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { key?: string | undefined };

const withoutKey = ({ key: _key, ...rest }: SelectProps) => rest;

const USER_TYPES = UserType.options.map((t) => ({ code: t, name: userTypeLabels[t] }));
const ID_TYPES = IdType.options.map((t) => ({ code: t, name: idTypeLabels[t] }));

/** 用户类型: 主管部门 / 用人单位 / 继续教育基地 / 个人, in the guide's order. */
export function UserTypeSelect(props: SelectProps) {
  return <Select {...withoutKey(props)} className={inputClass} options={USER_TYPES} />;
}

/** 证件类型: 身份证 first (the default), then the other documents. */
export function IdTypeSelect(props: SelectProps) {
  return <Select {...withoutKey(props)} className={inputClass} options={ID_TYPES} />;
}
