import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Form } from "./Form.tsx";
import { buttonClass, inputBase, Select } from "./forms.tsx";
import { IdSearchForm } from "./IdSearchForm.tsx";
import { Picker } from "./Picker.tsx";

/**
 * The filter bar above a list (the guide's 查询 row): a GET form of filters (`children`, built from
 * Filter / PickerFilter), the 查询 button, then the button-styled link `add` opens the list's
 * form with (新增管理员, 添加, 添加角色). `keep` are query parameters the filters do not show but
 * must not lose (the tab). The form is rebuilt for each address, so back/forward refills the
 * fields from the URL. `idSearch`: the filters include a 证件号, so the bar posts through
 * IdSearchForm (the number never in a URL) instead of a GET.
 */
export function SearchBar({
  keep = {},
  add,
  idSearch = false,
  children,
}: {
  keep?: Readonly<Record<string, string>>;
  add?: { to: string; label: string };
  idSearch?: boolean;
  children: ReactNode;
}) {
  const { search } = useLocation();
  const className = "mb-4 flex flex-wrap items-center gap-3 text-sm";
  const fields = (
    <>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={buttonClass}>
        查询
      </button>
      {add ? (
        <Link to={add.to} className={buttonClass}>
          {add.label}
        </Link>
      ) : null}
    </>
  );
  if (idSearch) return <IdSearchForm className={className}>{fields}</IdSearchForm>;
  return (
    <Form method="get" key={search} className={className} role="search">
      {fields}
    </Form>
  );
}

/** The message of a refused filter, right after it, tied to it by aria-describedby (id `filter-<name>-error`). */
export function FilterError({ name, message }: { name: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <span id={`filter-${name}-error`} role="alert" className="text-xs text-red-700">
      {message}
    </span>
  );
}

/**
 * One labelled filter of a SearchBar, the only kind every list page uses: a text input
 * (`maxLength`), or a choice after 全部 (no filter) when `options` are given; refilled with
 * `value` as typed, and the message the page refused it with (`error`) right after it, announced
 * and tied to the field.
 */
export function Filter({
  label,
  name,
  value,
  error,
  options,
  width = "w-48",
  maxLength = 50,
}: {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  options?: readonly { code: string; name: string }[];
  /** A Tailwind width class. */
  width?: string;
  maxLength?: number;
}) {
  const common = {
    id: `filter-${name}`,
    name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `filter-${name}-error` : undefined,
    className: `${inputBase} ${width}`,
  };
  return (
    <span className="flex flex-wrap items-center gap-1">
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      {options ? <Select {...common} prompt="全部" options={options} /> : <input {...common} maxLength={maxLength} />}
      <FilterError name={name} message={error} />
    </span>
  );
}

/**
 * A filter chosen with the one picker (components/Picker.tsx) instead of typed: 查询统计's
 * 主管部门 / 用人单位, units of the caller's subtree found by part of the name. The chosen unit's
 * name travels as `name` (the pages resolve names); none chosen is 全部.
 */
export function PickerFilter({
  label,
  name,
  value,
  error,
  kind,
  width = "w-64",
}: {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  kind: "authority" | "employer";
  width?: string;
}) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      <Picker
        kind={kind}
        name={name}
        id={`filter-${name}`}
        label={label}
        placeholder="全部（输入名称搜索）"
        initial={value ? [{ value, label: value }] : []}
        invalid={Boolean(error)}
        describedBy={error ? `filter-${name}-error` : undefined}
        width={width}
      />
      <FilterError name={name} message={error} />
    </span>
  );
}
