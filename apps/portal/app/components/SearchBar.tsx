import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Form } from "./Form.tsx";
import { buttonClass, inputBase } from "./forms.tsx";

/**
 * The filter bar above a list (the guide's 查询 row): a GET form of filters (`children`, built from
 * TextFilter / SelectFilter), the 查询 button, then the button-styled link `add` opens the list's
 * form with (新增管理员, 添加, 添加角色). `keep` are query parameters the filters do not show but
 * must not lose (the tab). The form is rebuilt for each address, so back/forward refills the
 * fields from the URL.
 */
export function SearchBar({ keep = {}, add, children }: { keep?: Readonly<Record<string, string>>; add?: { to: string; label: string }; children: ReactNode }) {
  const { search } = useLocation();
  return (
    <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
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
    </Form>
  );
}

/** A text filter of a SearchBar: `label:` and the input named `name`, filled with the current `value`. */
export function TextFilter({
  label,
  name,
  value,
  maxLength,
  width = "w-48",
}: {
  label: string;
  name: string;
  value: string;
  maxLength: number;
  /** A Tailwind width class. */
  width?: string;
}) {
  return (
    <>
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      <input id={`filter-${name}`} name={name} defaultValue={value} maxLength={maxLength} className={`${inputBase} ${width}`} />
    </>
  );
}

/** A choice filter of a SearchBar: `label:` and a select of `options` after 全部 (no filter). */
export function SelectFilter({
  label,
  name,
  value,
  options,
  width,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly { code: string; name: string }[];
  /** A Tailwind width class. */
  width: string;
}) {
  return (
    <>
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={`${inputBase} ${width}`}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}
