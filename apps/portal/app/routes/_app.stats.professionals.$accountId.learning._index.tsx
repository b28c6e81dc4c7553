import {
  calendarDate,
  complianceVerdict,
  declarationStatusLabels,
  formatDateTime,
  type LearningRecordEntry,
  LearningRecordInput,
  type LearningYear,
  subjectTypeLabels,
} from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { SearchBar } from "../components/SearchBar.tsx";
import { DateFilter, ExportBar } from "../components/stats/filters.tsx";
import { STATS } from "../components/stats/links.ts";
import { requirePage } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

// 专业技术人员信息查询 › 学习记录 (and the last step of a 数量查询 drill-down): one person's years as of
// 统计时间 — 年度 完成公需课时 完成专业课时 总完成学时 认定结果 — and the 学时申报 behind each year,
// with the instant of every step that had happened by then.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.professionals);
  const accountId = params.accountId ?? "";
  // The person comes from the path; the query holds 统计时间 only.
  const load = await loadStatistic(request, LearningRecordInput.omit({ accountId: true }), ["asOf"], (input) =>
    api.reporting.statistics.learningRecord.query({ ...input, accountId }),
  );
  // 学习形式 names for the records' form codes (any signed-in user may read the catalog).
  const forms = load.result ? await api.hours.forms.list.query().catch(() => []) : [];
  return data(
    {
      trail: [here.section.label, here.page.label, "学习记录"],
      today: calendarDate(new Date()),
      formNames: Object.fromEntries(forms.map((f) => [f.code, f.name])) as Record<string, string>,
      ...load,
    },
    { status: load.status },
  );
}

const instant = (at: string | null) => (at ? formatDateTime(at, { seconds: false }) : "");

const yearColumns: Column<LearningYear>[] = [
  { header: "年度", cell: (y) => y.year, className: "text-center" },
  { header: "完成公需课时", cell: (y) => y.general, className: "text-right" },
  { header: "完成专业课时", cell: (y) => y.professional, className: "text-right" },
  { header: "总完成学时", cell: (y) => y.total, className: "text-right" },
  { header: "认定结果", cell: (y) => complianceVerdict(y.compliant), className: "text-center" },
];

const recordColumns = (formNames: Record<string, string>): Column<LearningRecordEntry>[] => [
  { header: "学习形式", cell: (r) => formNames[r.formCode] ?? r.formCode },
  { header: "科目类型", cell: (r) => subjectTypeLabels[r.subject], className: "whitespace-nowrap text-center" },
  { header: "认定学时", cell: (r) => r.recognizedHours ?? "", className: "text-right" },
  { header: "状态", cell: (r) => declarationStatusLabels[r.status], className: "whitespace-nowrap text-center" },
  { header: "计入学时", cell: (r) => (r.counted ? "是" : "否"), className: "text-center" },
  { header: "申报时间", cell: (r) => instant(r.submittedAt), className: "whitespace-nowrap" },
  { header: "审核通过时间", cell: (r) => instant(r.approvedAt), className: "whitespace-nowrap" },
  { header: "审验/作废时间", cell: (r) => instant(r.voidedAt ?? r.filedAt), className: "whitespace-nowrap" },
];

export default function LearningRecordPage() {
  const { trail, today, formNames, filters, result, errors } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <DateFilter label="统计时间" name="asOf" value={result?.asOf ?? filters.asOf ?? today} max={today} error={errors.asOf} />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.professionals}/${result.accountId}/learning/export`} query={search} /> : null}
      {result ? (
        <>
          <dl className="mb-4 grid grid-cols-[auto_1fr_auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-gray-600">姓名:</dt>
            <dd>{result.name}</dd>
            <dt className="text-gray-600">证件号:</dt>
            <dd className="font-mono">{result.idNumberMasked}</dd>
            <dt className="text-gray-600">所在单位:</dt>
            <dd>{result.unitName ?? ""}</dd>
            <dt className="text-gray-600">统计时间:</dt>
            <dd>{result.asOf}</dd>
          </dl>
          <PagedTable
            caption={`${result.name}的学习记录`}
            numbered
            columns={yearColumns}
            result={{ items: result.years, page: 1, pageSize: Math.max(1, result.years.length), total: result.years.length }}
            rowKey={(y) => String(y.year)}
          />
          {result.years.map((y) => (
            <section key={y.year} className="mt-6">
              <h2 className="mb-2 text-sm font-semibold text-gray-800">
                {y.year}年度学时申报（{complianceVerdict(y.compliant)}）
              </h2>
              <DataTable caption={`${y.year}年度学时申报`} columns={recordColumns(formNames)} rows={y.records} rowKey={(r) => r.declarationId} />
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
