import { calendarDate, type ProfessionalCountRow, ProfessionalCountsInput, unitKindLabels } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Chart } from "../components/Chart.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { SearchBar } from "../components/SearchBar.tsx";
import { CountLink, DateFilter, ExportBar, passRateText } from "../components/stats/filters.tsx";
import { countPeopleHref, countsHref, STATS } from "../components/stats/links.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

/** The 合计 row is drawn as one more row of the table; its figures count the whole subtree (SUBTREE). */
type Row = ProfessionalCountRow & { isTotal?: true };

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
  return data({ trail: [here.section.label, here.page.label], today: calendarDate(new Date()), drilled, months, ...load }, { status: load.status });
}

function columns(asOf: string, unitId: string): Column<Row>[] {
  const figure = (row: Row, measure: "REGISTERED" | "STUDYING" | "COMPLIANT", count: number) => (
    <CountLink count={count} to={countPeopleHref({ asOf, unitId: row.isTotal ? unitId : row.unitId, measure, scope: row.isTotal ? "SUBTREE" : "UNIT" })} />
  );
  return [
    {
      header: "单位名称",
      cell: (r) =>
        r.isTotal ? (
          <span className="font-semibold">合计</span>
        ) : r.unitKind === "AUTHORITY" ? (
          // A 主管部门 with registered people of its own: its subtree, counted on the same date.
          <Link to={countsHref(asOf, r.unitId)} className="text-blue-700 hover:underline">
            {r.unitName}
          </Link>
        ) : (
          r.unitName
        ),
    },
    { header: "单位类型", cell: (r) => (r.isTotal ? "" : unitKindLabels[r.unitKind]), className: "whitespace-nowrap text-center" },
    { header: "注册总数", cell: (r) => figure(r, "REGISTERED", r.registered), className: "text-right" },
    { header: "学习总数", cell: (r) => figure(r, "STUDYING", r.studying), className: "text-right" },
    { header: "合格总数", cell: (r) => figure(r, "COMPLIANT", r.compliant), className: "text-right" },
    { header: "合格率", cell: (r) => passRateText(r.passRate), className: "text-right" },
  ];
}

export default function ProfessionalCountsPage() {
  const { trail, today, drilled, months, filters, result, errors } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const asOf = result?.asOf ?? filters.asOf ?? today;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar keep={filters.unitId ? { unitId: filters.unitId } : {}}>
        <DateFilter label="统计时间" name="asOf" value={asOf} max={today} error={errors.asOf} />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.counts}/export`} query={search} /> : null}
      {result ? (
        <>
          <p className="mb-2 text-sm text-gray-700">
            统计单位：<span className="font-medium">{result.unitName}</span>　统计时间：{result.asOf}（{result.year}年度学时）
            {drilled ? (
              <Link to={countsHref(result.asOf)} className="ml-3 text-blue-700 hover:underline">
                返回本单位统计
              </Link>
            ) : null}
          </p>
          <PagedTable
            caption="专业技术人员数量"
            columns={columns(result.asOf, result.unitId)}
            result={{
              ...result,
              items: [...result.items, { ...result.totals, unitId: result.unitId, unitName: "合计", unitKind: "AUTHORITY", isTotal: true } as Row],
            }}
            rowKey={(r: Row) => (r.isTotal ? "total" : r.unitId)}
          />
          <Chart
            title={`各单位合格率（统计时间${result.asOf}，本页单位）`}
            data={{
              categories: result.items.map((r) => r.unitName),
              series: [{ name: "合格率", values: result.items.map((r) => r.passRate) }],
              unit: "%",
              max: 100,
            }}
          />
          {months ? (
            <Chart
              title={`${months.unitName}审核通过学时（按月，${months.from} 至 ${months.to}）`}
              data={{ categories: months.months.map((m) => m.month), series: [{ name: "认定学时", values: months.months.map((m) => m.hours) }] }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
