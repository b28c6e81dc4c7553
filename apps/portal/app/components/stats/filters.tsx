import { STATISTICS_EPOCH } from "@ce/contracts";
import { inputBase } from "../forms.tsx";
import { FilterError } from "../SearchBar.tsx";
import { TextLink } from "../TextLink.tsx";

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

/** 时间范围: 开始时间 (`from`) 至 结束时间 (`to`), two DateFilters after one visible label, each with its message. */
export function DateRangeFilter({ from, to, max, errors }: { from: string; to: string; max: string; errors: { from?: string; to?: string } }) {
  return (
    <>
      <span className="text-gray-700">时间范围:</span>
      <DateFilter label="开始时间" hideLabel name="from" value={from} max={max} error={errors.from} />
      <span>至</span>
      <DateFilter label="结束时间" hideLabel name="to" value={to} max={max} error={errors.to} />
    </>
  );
}

/**
 * 导出Excel / 导出CSV of the table on screen: `path` (the page's export route) with the page's
 * filters (`query`, its search string) but not its page — an export is every row. Plain links (no
 * `download` attribute): the file arrives as an attachment and the page stays; a refused export
 * comes back to this page (download-refusal.server.ts) and `refused` — its message when it names
 * no filter of the page — is announced before the links.
 */
export function ExportLinks({ path, query, refused }: { path: string; query: string; refused?: string | null | undefined }) {
  const params = new URLSearchParams(query);
  params.delete("page");
  params.delete("pageSize");
  const csv = new URLSearchParams(params);
  csv.set("format", "csv");
  const xlsx = params.toString();
  return (
    <span className="flex flex-wrap items-center justify-end gap-3 text-sm">
      {refused ? (
        <span role="alert" className="text-red-700">
          {refused}
        </span>
      ) : null}
      <a href={xlsx ? `${path}?${xlsx}` : path} className="text-blue-700 hover:underline">
        导出Excel
      </a>
      <a href={`${path}?${csv.toString()}`} className="text-blue-700 hover:underline">
        导出CSV
      </a>
    </span>
  );
}

/** ExportLinks on their own line, right-aligned above the table they export. */
export function ExportBar({ path, query, refused }: { path: string; query: string; refused?: string | null | undefined }) {
  return (
    <div className="mb-2 flex justify-end">
      <ExportLinks path={path} query={query} refused={refused} />
    </div>
  );
}

/** A count as a table cell: a link to the people behind it when there are any, else the plain 0. */
export function CountLink({ count, to }: { count: number; to: string }) {
  if (count === 0) return <>0</>;
  return <TextLink to={to}>{count}</TextLink>;
}

/** 合格率 as the table prints it: two decimals and % ("62.50%"); — when nobody is registered. */
export const passRateText = (rate: number | null): string => (rate === null ? "—" : `${rate.toFixed(2)}%`);
