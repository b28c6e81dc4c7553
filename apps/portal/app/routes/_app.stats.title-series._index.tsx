import { calendarDate, TitleDistributionInput, titleSeriesName } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Chart, rowsChart } from "../components/Chart.tsx";
import { Pager } from "../components/Pager.tsx";
import { Filter, PickerFilter, SearchBar } from "../components/SearchBar.tsx";
import { DateRangeFilter, ExportBar } from "../components/stats/filters.tsx";
import { STATS } from "../components/stats/links.ts";
import { NotFinal } from "../components/stats/NotFinal.tsx";
import { regionOptions } from "../components/stats/professionals.tsx";
import { LEVEL_COLUMNS, TitleSeriesTable } from "../components/stats/TitleSeriesTable.tsx";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage } from "../utils/session.server.ts";
import { loadStatistic, unitIdByName } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 查询统计 › 职称系列分布情况 (§3.9): professionals registered in 时间范围 (开始时间–结束时间) and
// still registered at its end, per title series × 初级 中级 高级 无 and 人数, in the caller's
// subtree, a 地区 or one 用人单位 (typed by name); the same figures as a stacked bar chart.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.titleSeries);
  const load = await loadStatistic(
    request,
    TitleDistributionInput,
    ["from", "to", "region", "employer"],
    async (input, typed) => api.reporting.statistics.titleDistribution.query({ ...input, employerId: await unitIdByName(api, "employer", typed.employer) }),
    { employerId: "employer" },
  );
  const { headers, ...loaded } = load;
  return data({ trail: [here.section.label, here.page.label], today: calendarDate(new Date()), ...loaded }, { status: load.status, headers });
}

export default function TitleSeriesPage() {
  const { trail, today, filters, result, errors, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <DateRangeFilter from={filters.from ?? ""} to={result?.to ?? filters.to ?? today} max={today} errors={errors} />
        <Filter label="地区" name="region" value={filters.region ?? ""} error={errors.region} options={regionOptions} width="w-32" />
        <PickerFilter kind="employer" label="用人单位" name="employer" value={filters.employer ?? ""} error={errors.employer} />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.titleSeries}/export`} query={search} refused={refused} /> : null}
      {result ? (
        <>
          <p className="mb-2 text-sm text-gray-700">
            统计单位：<span className="font-medium">{result.unitName}</span>　注册时间：{result.from ?? "最早"} 至 {result.to}
            <NotFinal final={result.final} />
            {result.withoutSeries > 0 ? `　（另有${result.withoutSeries}人未填写专业技术职务，未计入上表）` : ""}
          </p>
          <TitleSeriesTable distribution={result} />
          <Pager page={1} pageSize={Math.max(1, result.rows.length)} total={result.rows.length} query={search} />
          <Chart
            title={`职称系列分布情况（${result.from ?? "最早"} 至 ${result.to}）`}
            height="h-[40rem]"
            data={rowsChart(
              result.rows,
              (r) => titleSeriesName(r.titleSeries),
              LEVEL_COLUMNS.map((c) => [c.label, (r) => r[c.key]] as const),
              { stacked: true, horizontal: true },
            )}
          />
        </>
      ) : null}
    </div>
  );
}
