import type { DepartmentOption, UnitOption } from "@ce/contracts";
import { type FieldMetadata, getInputProps, getSelectProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { type SelectHTMLAttributes, useEffect, useState } from "react";
import { choosePrompt, chooseSubject } from "../utils/prompts.ts";
import { Field, inputBase, inputClass, Select, type StringField } from "./forms.tsx";
import { IdTypeSelect } from "./UserTypeSelects.tsx";

/** A text row of a form (registration, 人员信息修改, 学时申报): conform's input under its label; `width` narrows it (a Tailwind max-width class). */
export function TextField({
  label,
  field,
  type = "text",
  required = true,
  autoComplete,
  width = "",
}: {
  label: string;
  /** A text field, or a number typed as text (申请学时). */
  field: FieldMetadata<string | number | null | undefined>;
  type?: "text" | "password" | "email" | "tel" | "number";
  required?: boolean;
  autoComplete?: string;
  width?: string;
}) {
  const { key, ...props } = getInputProps(field, { type });
  return (
    <Field label={label} htmlFor={field.id} errors={field.errors} errorId={field.errorId} required={required}>
      <input key={key} {...props} autoComplete={autoComplete} className={`${inputClass} ${width}`} />
    </Field>
  );
}

/** A select row over a code list (学历, 专业技术职务系列, 单位性质, …). */
export function CodeSelect({
  label,
  field,
  options,
  required = true,
}: {
  label: string;
  field: StringField;
  options: readonly { code: string; name: string }[];
  required?: boolean;
}) {
  const { key, ...props } = getSelectProps(field);
  return (
    <Field label={label} htmlFor={field.id} errors={field.errors} errorId={field.errorId} required={required}>
      <Select key={key} {...props} className={inputClass} prompt={choosePrompt(label)} options={options} />
    </Field>
  );
}

/** The fields of NewAccountFields, in its order (their names in both registration schemas). */
export const NEW_ACCOUNT_FIELDS = ["idType", "idNumber", "name", "phone", "email", "password", "confirmPassword"] as const;

/** 证件类型, 证件号, 姓名, 手机号, 电子邮箱, 密码, 确认密码: the account part of both forms. */
export function NewAccountFields({ fields }: { fields: Record<(typeof NEW_ACCOUNT_FIELDS)[number], StringField> }) {
  const { key, ...idTypeProps } = getSelectProps(fields.idType);
  return (
    <>
      <Field label="证件类型" htmlFor={fields.idType.id} errors={fields.idType.errors} errorId={fields.idType.errorId} required>
        <IdTypeSelect key={key} {...idTypeProps} />
      </Field>
      <TextField label="证件号" field={fields.idNumber} autoComplete="username" />
      <TextField label="姓名" field={fields.name} />
      <TextField label="手机号" field={fields.phone} type="tel" />
      <TextField label="电子邮箱" field={fields.email} type="email" />
      <TextField label="密码" field={fields.password} type="password" autoComplete="new-password" />
      <p className="-mt-2 pl-[7.75rem] text-xs text-gray-500">8–32位，须同时包含字母和数字</p>
      <TextField label="确认密码" field={fields.confirmPassword} type="password" autoComplete="new-password" />
    </>
  );
}

/**
 * A picker of approved units: type part of the name to narrow the list (fetched from
 * /register/units), then choose. Only names and ids ever reach the browser. `exclude` are units
 * that cannot be the answer (in 人员调出 the admin's own unit and the person's current one); the
 * service refuses them as well.
 */
export function UnitPicker({
  label,
  field,
  kinds,
  initial,
  onPick,
  exclude = [],
}: {
  label: string;
  field: StringField;
  kinds: string;
  initial: UnitOption[];
  onPick?: (unitId: string) => void;
  exclude?: readonly string[];
}) {
  const fetcher = useFetcher<{ units: UnitOption[] }>();
  const [query, setQuery] = useState("");
  const { key, ...props } = getSelectProps(field);
  const units = (fetcher.data?.units ?? initial).filter((u) => !exclude.includes(u.id));
  useEffect(() => {
    if (query) fetcher.load(`/register/units?kinds=${kinds}&name=${encodeURIComponent(query)}`);
  }, [query, kinds, fetcher.load]);
  return (
    <Field label={label} htmlFor={field.id} errors={field.errors} errorId={field.errorId} required>
      <div className="flex gap-2">
        <input
          aria-label={`搜索${chooseSubject(label)}`}
          placeholder="输入名称搜索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className={`${inputBase} w-28 shrink-0`}
        />
        <Select
          key={key}
          {...props}
          onChange={(e) => onPick?.(e.target.value)}
          className={`${inputBase} w-0 min-w-0 flex-1`}
          prompt={choosePrompt(label)}
          options={units.map((u) => ({ code: u.id, name: u.name }))}
        />
      </div>
    </Field>
  );
}

/** 工作部门 of the chosen unit (optional), loaded whenever the unit changes. */
export function DepartmentSelect({ unitId, field }: { unitId: string; field: StringField }) {
  const fetcher = useFetcher<{ departments: DepartmentOption[] }>();
  useEffect(() => {
    if (unitId) fetcher.load(`/register/departments?unitId=${unitId}`);
  }, [unitId, fetcher.load]);
  const departments = unitId ? (fetcher.data?.departments ?? []) : [];
  const { key, ...props } = getSelectProps(field) as SelectHTMLAttributes<HTMLSelectElement> & { key?: string };
  return (
    <Field label="工作部门" htmlFor={field.id} errors={field.errors} errorId={field.errorId}>
      <Select
        key={key}
        {...props}
        className={inputClass}
        prompt={departments.length ? "请选择工作部门" : "无"}
        options={departments.map((d) => ({ code: d.id, name: d.name }))}
      />
    </Field>
  );
}
