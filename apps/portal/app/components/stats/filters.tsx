import { STATISTICS_EPOCH } from "@ce/contracts";
import { Link } from "@remix-run/react";
import { inputBase } from "../forms.tsx";

/** The message of a refused filter, right after it, tied to it by aria-describedby (id `filter-<name>-error`). */
export function FilterError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={`filter-${name}-error`} role="alert" className="text-xs text-red-600">
      {message}
    </span>
  );
}

/**
 * A date filter of a SearchBar (统计时间, 开始时间, 结束时间): `label:`, a date input refilled with
 * `value` as typed (a date the service refused stays visible next to its message) and `error`
 * after it. The browser offers STATISTICS_EPOCH…`max` (today); the service checks again.
 */
export function DateFilter({
  label,
  name,
  value,
  max,
  error,
  hideLabel = false,
}: {
  label: string;
  name: string;
  value: string;
  max: string;
  error?: string;
  /** The label for screen readers only (a range's two ends after one visible 时间范围). */
  hideLabel?: boolean;
}) {
  return (
    <>
      <label htmlFor={`filter-${name}`} className={hideLabel ? "sr-only" : "text-gray-700"}>
        {label}
        {hideLabel ? "" : ":"}
      </label>
      <input
        id={`filter-${name}`}
        type="date"
        name={name}
        defaultValue={value}
        min={STATISTICS_EPOCH}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `filter-${name}-error` : undefined}
        className={inputBase}
      />
      <FilterError name={name} message={error} />
    </>
  );
}

/**
 * 导出Excel / 导出CSV of the table on screen: `path` (the page's export route) with the page's
 * filters (`query`, its search string) but not its page — an export is every row.
 */
export function ExportLinks({ path, query }: { path: string; query: string }) {
  const params = new URLSearchParams(query);
  params.delete("page");
  params.delete("pageSize");
  const csv = new URLSearchParams(params);
  csv.set("format", "csv");
  const xlsx = params.toString();
  return (
    <span className="flex gap-3 text-sm">
      <a href={xlsx ? `${path}?${xlsx}` : path} className="text-blue-700 hover:underline" download>
        导出Excel
      </a>
      <a href={`${path}?${csv.toString()}`} className="text-blue-700 hover:underline" download>
        导出CSV
      </a>
    </span>
  );
}

/** ExportLinks on their own line, right-aligned above the table they export. */
export function ExportBar({ path, query }: { path: string; query: string }) {
  return (
    <div className="mb-2 flex justify-end">
      <ExportLinks path={path} query={query} />
    </div>
  );
}

/** A count as a table cell: a link to the people behind it when there are any, else the plain 0. */
export function CountLink({ count, to }: { count: number; to: string }) {
  if (count === 0) return <>0</>;
  return (
    <Link to={to} className="text-blue-700 hover:underline">
      {count}
    </Link>
  );
}

/** 合格率 as the table prints it: two decimals and % ("62.50%"); — when nobody is registered. */
export const passRateText = (rate: number | null): string => (rate === null ? "—" : `${rate.toFixed(2)}%`);

/**
 * One labelled filter of a SearchBar: a text input (`maxLength`), or a choice after 全部 when
 * `options` are given; refilled with `value` as typed, its message (`error`) right after it.
 */
export function Filter({
  label,
  name,
  value,
  error,
  options,
  width,
  maxLength = 50,
}: {
  label: string;
  name: string;
  value: string;
  error?: string;
  options?: readonly { code: string; name: string }[];
  /** A Tailwind width class. */
  width: string;
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
    <span className="flex items-center gap-1">
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      {options ? (
        <select {...common}>
          <option value="">全部</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} maxLength={maxLength} />
      )}
      <FilterError name={name} message={error} />
    </span>
  );
}
