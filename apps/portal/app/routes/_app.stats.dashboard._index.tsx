import {
  type AtRiskPerson,
  type ComplianceDashboard,
  type ComplianceUnitRow,
  calendarDate,
  PageRequest,
  type TrainingBaseRow,
  type TurnaroundApproverRow,
  TurnaroundDashboardInput,
  type TurnaroundRow,
  unitKindLabels,
} from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Chart, rowsChart } from "../components/Chart.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { DateRangeFilter, passRateText } from "../components/stats/filters.tsx";
import { learningHref, STATS } from "../components/stats/links.ts";
import { TextLink } from "../components/TextLink.tsx";
import { requirePage } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

// 查询统计 › 管理看板 (issue 11 item 6): four dashboards over the caller's subtree, each a chart
// (ECharts, SVG) with the table behind it — 达标进度 this year with the year-end projection and the
// people at risk, 审批时效 per handling unit, per 审核人 and per declaring unit, 驳回原因 by code,
// 继续教育基地质量.
const DashboardQuery = z.intersection(TurnaroundDashboardInput, PageRequest);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.dashboard);
  const load = await loadStatistic(request, DashboardQuery, ["from", "to", "pendingDays"], async (input) => {
    const period = { from: input.from, to: input.to };
    const [compliance, turnaround, rejections, bases] = await Promise.all([
      api.reporting.dashboards.compliance.query({ page: input.page, pageSize: input.pageSize }),
      api.reporting.dashboards.turnaround.query({ ...period, pendingDays: input.pendingDays }),
      api.reporting.dashboards.rejectionReasons.query(period),
      api.reporting.dashboards.trainingBases.query(period),
    ]);
    return { compliance, turnaround, rejections, bases };
  });
  return data({ trail: [here.section.label, here.page.label], today: calendarDate(new Date()), ...load }, { status: load.status });
}

const right = "text-right";
const days = (d: number | null) => (d === null ? "—" : d.toFixed(1));

type ComplianceTotals = ComplianceDashboard["totals"];

/** 各单位达标进度: a unit per row and the 合计 row (DataTable totals), whose 单位类型 stays blank. */
const complianceColumns: Column<ComplianceUnitRow, ComplianceTotals>[] = [
  { header: "单位名称", cell: (r) => r.unitName, total: () => "合计" },
  { header: "单位类型", cell: (r) => unitKindLabels[r.unitKind], className: "whitespace-nowrap" },
  { header: "注册总数", cell: (r) => r.registered, total: (t) => t.registered, className: right },
  { header: "合格总数", cell: (r) => r.compliant, total: (t) => t.compliant, className: right },
  { header: "合格率", cell: (r) => passRateText(r.passRate), total: (t) => passRateText(t.passRate), className: right },
  { header: "预计年末合格人数", cell: (r) => r.projectedCompliant, total: (t) => t.projectedCompliant, className: right },
  { header: "预计年末合格率", cell: (r) => passRateText(r.projectedPassRate), total: (t) => passRateText(t.projectedPassRate), className: right },
];

const atRiskColumns: Column<AtRiskPerson>[] = [
  { header: "姓名", cell: (p) => p.name, className: "whitespace-nowrap" },
  { header: "证件号", cell: (p) => p.idNumberMasked, className: "font-mono whitespace-nowrap" },
  { header: "所在单位", cell: (p) => p.unitName },
  { header: "完成公需课时", cell: (p) => p.general, className: right },
  { header: "完成专业课时", cell: (p) => p.professional, className: right },
  { header: "总完成学时", cell: (p) => p.total, className: right },
  { header: "按目前进度年末学时", cell: (p) => p.projectedTotal, className: right },
  {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (p) => <TextLink to={learningHref(p.accountId)}>学习记录</TextLink>,
  },
];

const turnaroundColumns = (who: string, pendingDays: number): Column<TurnaroundRow>[] => [
  { header: who, cell: (r) => r.unitName },
  { header: "审结条数", cell: (r) => r.decided, className: right },
  { header: "用时中位数（天）", cell: (r) => days(r.medianDays), className: right },
  { header: "90%用时（天）", cell: (r) => days(r.p90Days), className: right },
  { header: `待审超过${pendingDays}天`, cell: (r) => r.pendingOver, className: right },
];

const approverColumns: Column<TurnaroundApproverRow>[] = [
  { header: "审核人", cell: (r) => r.name },
  { header: "审结条数", cell: (r) => r.decided, className: right },
  { header: "用时中位数（天）", cell: (r) => days(r.medianDays), className: right },
  { header: "90%用时（天）", cell: (r) => days(r.p90Days), className: right },
];

const baseColumns: Column<TrainingBaseRow>[] = [
  { header: "继续教育基地", cell: (r) => r.unitName },
  { header: "代为申报条数", cell: (r) => r.declared, className: right },
  { header: "审核通过条数", cell: (r) => r.approved, className: right },
  { header: "认定学时", cell: (r) => r.approvedHours, className: right },
  { header: "驳回条数", cell: (r) => r.rejected, className: right },
  { header: "驳回率", cell: (r) => passRateText(r.rejectionRate), className: right },
  { header: "审验不通过条数", cell: (r) => r.auditFailed, className: right },
];

/** 审批时效's two figures per unit or per approver: the median and the 90th percentile of the days taken. */
const TURNAROUND_SERIES = [
  ["用时中位数", (r: { medianDays: number | null }) => r.medianDays],
  ["90%用时", (r: { p90Days: number | null }) => r.p90Days],
] as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-8">
      <h2 className="mb-2 text-base font-semibold text-gray-900">{title}</h2>
      {children}
    </section>
  );
}

export default function DashboardPage() {
  const { trail, today, filters, result, errors } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <DateRangeFilter from={filters.from ?? ""} to={filters.to ?? ""} max={today} errors={errors} />
        <Filter label="超期天数" name="pendingDays" value={filters.pendingDays ?? "7"} error={errors.pendingDays} width="w-16" maxLength={3} />
      </SearchBar>
      {result ? <Dashboards {...result} /> : null}
    </div>
  );
}

function Dashboards({ compliance, turnaround, rejections, bases }: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["result"]>) {
  const c = compliance;
  const share = `${(c.elapsedShare * 100).toFixed(1)}%`;
  return (
    <>
      <Section title={`达标进度（${c.year}年，截至${c.asOf}，全年已过${share}）`}>
        <p className="mb-2 text-sm text-gray-700">
          预计年末合格：按每人目前的学时进度（已认定学时 ÷ 全年已过比例，公需、专业分别推算）到年底能达到年度学时要求的人数，已合格者计入。
        </p>
        <Chart
          title={`${c.unitName} ${c.year}年各单位合格率与预计年末合格率`}
          data={rowsChart(
            c.rows,
            (r) => r.unitName,
            [
              ["合格率", (r) => r.passRate],
              ["预计年末合格率", (r) => r.projectedPassRate],
            ],
            { unit: "%", max: 100 },
          )}
        />
        <DataTable
          caption="各单位达标进度"
          columns={complianceColumns}
          rows={c.rows}
          rowKey={(r) => r.unitId}
          totals={c.rows.length > 0 ? c.totals : undefined}
        />
        <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-800">按目前进度年末不能达标的人员（共{c.atRisk.total}人）</h3>
        <PagedTable caption="按目前进度年末不能达标的人员" columns={atRiskColumns} result={c.atRisk} rowKey={(p) => p.accountId} numbered />
      </Section>
      <Section title={`审批时效（${turnaround.from} 至 ${turnaround.to}）`}>
        <p className="mb-2 text-sm text-gray-700">
          用时为提交申报到最后一级审核通过或驳回的天数。审核单位为作出最终决定的单位；待审记录按其首个审核单位统计（学时服务不公布中间各级的审核）。
        </p>
        <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-800">按审核单位</h3>
        <Chart title="各审核单位审批用时（天）" data={rowsChart(turnaround.byHandler, (r) => r.unitName, TURNAROUND_SERIES, { unit: "天" })} />
        <DataTable
          caption="各审核单位审批时效"
          columns={turnaroundColumns("审核单位", turnaround.pendingDays)}
          rows={turnaround.byHandler}
          rowKey={(r) => r.unitId ?? "none"}
        />
        <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-800">按审核人</h3>
        <p className="mb-2 text-sm text-gray-700">
          审核人为作出最终审核通过或驳回的管理员；待审记录尚无审核人，其超期条数见按审核单位统计。“（未记录）”为学时服务开始记录审核人之前的审核。
        </p>
        <Chart title="各审核人审批用时（天）" data={rowsChart(turnaround.byApprover, (r) => r.name, TURNAROUND_SERIES, { unit: "天" })} />
        <DataTable caption="各审核人审批时效" columns={approverColumns} rows={turnaround.byApprover} rowKey={(r) => r.accountId ?? "none"} />
        <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-800">按申报人所在单位</h3>
        <DataTable
          caption="各申报单位审批时效"
          columns={turnaroundColumns("申报人所在单位", turnaround.pendingDays)}
          rows={turnaround.byUnit}
          rowKey={(r) => r.unitId ?? "none"}
        />
      </Section>
      <Section title={`驳回原因（${rejections.from} 至 ${rejections.to}，共${rejections.total}条）`}>
        <p className="mb-2 text-sm text-gray-700">按驳回时选择的驳回原因统计；“未记录原因代码”为学时服务开始发送原因代码之前的驳回。</p>
        <Chart title="驳回原因分布" data={rowsChart(rejections.reasons, (r) => r.label, [["驳回条数", (r) => r.count]], { unit: "条" })} />
        <DataTable
          caption="驳回原因"
          columns={[
            { header: "驳回原因", cell: (r: (typeof rejections.reasons)[number]) => r.label },
            { header: "驳回条数", cell: (r) => r.count, className: right },
          ]}
          rows={rejections.reasons}
          rowKey={(r) => r.code ?? "none"}
        />
      </Section>
      <Section title={`继续教育基地质量（${bases.from} 至 ${bases.to} 提交的申报）`}>
        <Chart
          title="各继续教育基地代为申报的审核结果"
          data={rowsChart(
            bases.rows,
            (r) => r.unitName,
            [
              ["审核通过", (r) => r.approved],
              ["驳回", (r) => r.rejected],
              ["审验不通过", (r) => r.auditFailed],
            ],
            { unit: "条" },
          )}
        />
        <DataTable caption="继续教育基地质量" columns={baseColumns} rows={bases.rows} rowKey={(r) => r.unitId} />
      </Section>
    </>
  );
}
