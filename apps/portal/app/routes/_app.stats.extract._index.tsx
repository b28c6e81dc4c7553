import { calendarDate, calendarYear, EXTRACT_MAX_YEARS, PERSON_YEAR_COLUMNS, PersonYearExtractInput, STATISTICS_EPOCH } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors, inputBase } from "../components/forms.tsx";
import { FilterError } from "../components/SearchBar.tsx";
import { STATS } from "../components/stats/links.ts";
import { takeRefusal } from "../utils/download-refusal.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage } from "../utils/session.server.ts";
import type { FilterErrors } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 查询统计 › 人年抽取 (issue 11 item 3): a super admin downloads the de-identified person-year
// extract of their unit's subtree — 开始年度 to 结束年度 as of 统计时间, CSV or Parquet. The form
// is a plain GET to the download route, so the browser saves the file as it streams. A refused
// download comes back here with the values as typed in the address (download-refusal.server.ts):
// the page checks them with the same contracts schema, and a refusal only the service can make
// (a 结束年度 after 统计时间's year, too many rows) follows in the one-time cookie — each message next
// to the field it names, the rest above the form.
const FIELDS = ["fromYear", "toYear", "asOf", "format"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { here } = await requirePage(request, context, STATS.extract);
  const now = new Date();
  const year = calendarYear(now);
  const query = new URL(request.url).searchParams;
  const typed: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const name of FIELDS) {
    const v = query.get(name);
    if (v !== null) typed[name] = v;
  }
  const errors: FilterErrors = {};
  if (Object.keys(typed).length > 0) {
    const parsed = PersonYearExtractInput.safeParse(Object.fromEntries(Object.entries(typed).filter(([, v]) => v.trim() !== "")));
    for (const issue of parsed.error?.issues ?? []) errors[String(issue.path[0] ?? "")] ??= issue.message;
  }
  const { refusal, clear } = await takeRefusal(request);
  const placed = refusal?.field ? (FIELDS as readonly string[]).includes(refusal.field) : false;
  if (refusal && placed && refusal.field) errors[refusal.field] ??= refusal.message;
  const formError = refusal && !placed ? refusal.message : null;
  const minYear = Number(STATISTICS_EPOCH.slice(0, 4));
  const values = {
    fromYear: typed.fromYear ?? String(Math.max(minYear, year - 4)),
    toYear: typed.toYear ?? String(year),
    asOf: typed.asOf ?? calendarDate(now),
    format: typed.format === "parquet" ? "parquet" : "csv",
  };
  const refused = formError !== null || Object.keys(errors).length > 0;
  return data(
    { trail: [here.section.label, here.page.label], today: calendarDate(now), values, errors, formError },
    { status: refused ? 400 : 200, headers: clear ? { "Set-Cookie": clear } : undefined },
  );
}

/** One labelled field of the form, refilled as typed, with its message after it (announced and tied to it). */
function ExtractField({ name, label, error, children }: { name: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <span className="flex items-center gap-1">
      <label htmlFor={`filter-${name}`} className="text-gray-700">
        {label}:
      </label>
      {children}
      <FilterError name={name} message={error} />
    </span>
  );
}

export default function ExtractPage() {
  const { trail, today, values, errors, formError } = useLoaderData<typeof loader>();
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `filter-${name}-error` } : {});
  // Years are typed as text (a number input would drop "abc" and show nothing next to its message).
  const yearInput = (name: "fromYear" | "toYear", label: string) => (
    <ExtractField name={name} label={label} error={errors[name]}>
      <input
        id={`filter-${name}`}
        name={name}
        defaultValue={values[name]}
        inputMode="numeric"
        maxLength={10}
        className={`${inputBase} w-24`}
        {...invalid(name)}
      />
    </ExtractField>
  );
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-3 text-sm text-gray-700">
        下载本单位及下级单位专业技术人员的逐人逐年学时数据，供统计分析使用。文件不含姓名、证件号、手机号、邮箱和证书编号，人员以假名键（person_key）标识：同一单位各次下载中同一人的假名键相同，不同单位的假名键互不相同。一次最多
        {EXTRACT_MAX_YEARS}个年度。
      </p>
      <FormErrors errors={formError ? [formError] : null} />
      <Form method="get" action={`${STATS.extract}/download`} reloadDocument className="mt-2 mb-4 flex flex-wrap items-center gap-3 text-sm">
        {yearInput("fromYear", "开始年度")}
        {yearInput("toYear", "结束年度")}
        <ExtractField name="asOf" label="统计时间" error={errors.asOf}>
          <input
            id="filter-asOf"
            type="date"
            name="asOf"
            defaultValue={values.asOf}
            min={STATISTICS_EPOCH}
            max={today}
            className={inputBase}
            {...invalid("asOf")}
          />
        </ExtractField>
        <ExtractField name="format" label="文件格式" error={errors.format}>
          <select id="filter-format" name="format" defaultValue={values.format} className={inputBase} {...invalid("format")}>
            <option value="csv">CSV（Excel 可打开）</option>
            <option value="parquet">Parquet（分析工具）</option>
          </select>
        </ExtractField>
        <button type="submit" className={buttonClass}>
          下载人年抽取
        </button>
      </Form>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-medium text-gray-800">文件各列</caption>
        <thead>
          <tr className="bg-gray-50">
            <th scope="col" className="border border-gray-200 px-2 py-1 text-left">
              列名
            </th>
            <th scope="col" className="border border-gray-200 px-2 py-1 text-left">
              含义
            </th>
          </tr>
        </thead>
        <tbody>
          {PERSON_YEAR_COLUMNS.map((c) => (
            <tr key={c.name}>
              <td className="border border-gray-200 px-2 py-1 font-mono">{c.name}</td>
              <td className="border border-gray-200 px-2 py-1">{c.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
