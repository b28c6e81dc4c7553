import { calendarDate, type ProfessionalCountRow, type ProfessionalCounts, ProfessionalCountsInput, unitKindLabels } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Chart, rowsChart } from "../components/Chart.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { SearchBar } from "../components/SearchBar.tsx";
import { CountLink, DateFilter, ExportBar, passRateText } from "../components/stats/filters.tsx";
import { countPeopleHref, countsHref, STATS } from "../components/stats/links.ts";
import { NotFinal } from "../components/stats/NotFinal.tsx";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 查询统计 › 专业技术人员数量查询 (§3.9): as of 统计时间, per 用人单位 / 继续教育基地 of the caller's
// subtree (or of the 主管部门 drilled into, ?unitId=): 注册总数 学习总数 合格总数 合格率 and 合计;
// charts of 合格率 by unit and of the hours approved per month.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here, me } = await requirePage(request, context, STATS.counts);
  const load = await loadStatistic(request, ProfessionalCountsInput, ["asOf"], (input) => api.reporting.statistics.professionalCounts.query(input));
  const drilled = load.result !== null && load.result.unitId !== me.unitId;
  // 审核通过学时 per month of the same unit, the twelve months up to 统计时间 (a chart).
  const months = load.result
    ? await api.reporting.statistics.approvedHoursByMonth
        .query({ to: load.result.asOf, unitId: load.result.unitId })
        .catch((e) => rethrowServiceError(request, e))
    : null;
  const { headers, ...loaded } = load;
  return data({ trail: [here.section.label, here.page.label], today: calendarDate(new Date()), drilled, months, ...loaded }, { status: load.status, headers });
}

type Totals = ProfessionalCounts["totals"];

/** The units' rows and the 合计 row (DataTable totals): its figures count the whole subtree (SUBTREE); its 单位类型 stays blank. */
function columns(asOf: string, unitId: string): Column<ProfessionalCountRow, Totals>[] {
  const figure = (of: string, scope: "UNIT" | "SUBTREE", measure: "REGISTERED" | "STUDYING" | "COMPLIANT", count: number) => (
    <CountLink count={count} to={countPeopleHref({ asOf, unitId: of, measure, scope })} />
  );
  return [
    {
      header: "单位名称",
      total: () => "合计",
      cell: (r) =>
        r.unitKind === "AUTHORITY" ? (
          // A 主管部门 with registered people of its own: its subtree, counted on the same date.
          <Link to={countsHref(asOf, r.unitId)} className="text-blue-700 hover:underline">
            {r.unitName}
          </Link>
        ) : (
          r.unitName
        ),
    },
    { header: "单位类型", cell: (r) => unitKindLabels[r.unitKind], className: "whitespace-nowrap text-center" },
    ...(
      [
        ["注册总数", "REGISTERED", "registered"],
        ["学习总数", "STUDYING", "studying"],
        ["合格总数", "COMPLIANT", "compliant"],
      ] as const
    ).map(([header, measure, key]) => ({
      header,
      cell: (r: ProfessionalCountRow) => figure(r.unitId, "UNIT", measure, r[key]),
      total: (t: Totals) => figure(unitId, "SUBTREE", measure, t[key]),
      className: "text-right",
    })),
    { header: "合格率", cell: (r) => passRateText(r.passRate), total: (t) => passRateText(t.passRate), className: "text-right" },
  ];
}

export default function ProfessionalCountsPage() {
  const { trail, today, drilled, months, filters, result, errors, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const asOf = result?.asOf ?? filters.asOf ?? today;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar keep={filters.unitId ? { unitId: filters.unitId } : {}}>
        <DateFilter label="统计时间" name="asOf" value={asOf} max={today} error={errors.asOf} />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.counts}/export`} query={search} refused={refused} /> : null}
      {result ? (
        <>
          <p className="mb-2 text-sm text-gray-700">
            统计单位：<span className="font-medium">{result.unitName}</span>　统计时间：{result.asOf}（{result.year}年度学时）
            <NotFinal final={result.final} />
            {drilled ? (
              <Link to={countsHref(result.asOf)} className="ml-3 text-blue-700 underline">
                返回本单位统计
              </Link>
            ) : null}
          </p>
          <PagedTable
            caption="专业技术人员数量"
            columns={columns(result.asOf, result.unitId)}
            result={result}
            rowKey={(r) => r.unitId}
            totals={result.totals}
          />
          <Chart
            title={`各单位合格率（统计时间${result.asOf}，本页单位）`}
            data={rowsChart(result.items, (r) => r.unitName, [["合格率", (r) => r.passRate]], { unit: "%", max: 100 })}
          />
          {months ? (
            <Chart
              title={`${months.unitName}审核通过学时（按月，${months.from} 至 ${months.to}）`}
              data={rowsChart(months.months, (m) => m.month, [["认定学时", (m) => m.hours]])}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
