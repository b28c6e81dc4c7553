import { IdType, idTypeLabels, UserType, userTypeLabels } from "@ce/contracts";
import type { SelectHTMLAttributes } from "react";
import { inputClass } from "./forms.tsx";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { key?: string | undefined };

const withoutKey = ({ key: _key, ...rest }: SelectProps) => rest;

/** 用户类型: 主管部门 / 用人单位 / 继续教育基地 / 个人, in the guide's order. */
export function UserTypeSelect(props: SelectProps) {
  return (
    <select {...withoutKey(props)} className={inputClass}>
      {UserType.options.map((t) => (
        <option key={t} value={t}>
          {userTypeLabels[t]}
        </option>
      ))}
    </select>
  );
}

/** 证件类型: 身份证 first (the default), then the other documents. */
export function IdTypeSelect(props: SelectProps) {
  return (
    <select {...withoutKey(props)} className={inputClass}>
      {IdType.options.map((t) => (
        <option key={t} value={t}>
          {idTypeLabels[t]}
        </option>
      ))}
    </select>
  );
}
