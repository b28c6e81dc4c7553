import {
  calendarDate,
  complianceVerdict,
  declarationStatusLabels,
  formatDateTime,
  type LearningRecordEntry,
  LearningRecordInput,
  type LearningYear,
  type ListedHoursProof,
  subjectTypeLabels,
} from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { FactList } from "../components/FactList.tsx";
import { ReplyErrors } from "../components/forms.tsx";
import { yearColumns } from "../components/hours/RecordColumns.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { ProofList } from "../components/proofs/HoursProofView.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { SearchBar } from "../components/SearchBar.tsx";
import { DateFilter, ExportBar } from "../components/stats/filters.tsx";
import { proofsBase, STATS } from "../components/stats/links.ts";
import { NotFinal } from "../components/stats/NotFinal.tsx";
import { issueProofAction } from "../utils/hours-proofs.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 专业技术人员信息查询 › 学习记录 (and the last step of a 数量查询 drill-down): one person's years as of
// 统计时间 — 年度 完成公需课时 完成专业课时 总完成学时 认定结果 — and the 学时申报 behind each year,
// with the instant of every step that had happened by then; and the person's 学时证明 — each
// issued one (有效 / 已撤销, 查看) and per year 开具, or 查看 while that year's valid proof still
// states its figures (开具 would only answer it again).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.professionals);
  const accountId = params.accountId ?? "";
  // The person comes from the path; the query holds 统计时间 only.
  const load = await loadStatistic(request, LearningRecordInput.omit({ accountId: true }), ["asOf"], (input) =>
    api.reporting.statistics.learningRecord.query({ ...input, accountId }),
  );
  // 学习形式 names for the records' form codes (any signed-in user may read the catalog).
  const [forms, proofs] = load.result
    ? await Promise.all([
        api.hours.forms.list.query().catch(() => []),
        api.reporting.proofs.list.query({ accountId }).catch((e) => rethrowServiceError(request, e)),
      ])
    : [[], []];
  const { headers, ...loaded } = load;
  return data(
    {
      trail: [here.section.label, here.page.label, "学习记录"],
      today: calendarDate(new Date()),
      formNames: Object.fromEntries(forms.map((f) => [f.code, f.name])) as Record<string, string>,
      proofs,
      ...loaded,
    },
    { status: load.status, headers },
  );
}

// 开具学时证明 (issue 11 item 5) for one of the person's years: reporting issues it (or answers the
// valid one while the figures stand), then the proof's printable page opens.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, STATS.professionals);
  const accountId = params.accountId ?? "";
  return issueProofAction(request, api, proofsBase(accountId), accountId);
}

const instant = (at: string | null) => (at ? formatDateTime(at, { seconds: false }) : "");

const learningYearColumns = yearColumns<LearningYear>("text-right");

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

/**
 * A year's 学时证明 button: 查看 the year's proof that 开具 would answer again (ListedHoursProof
 * `current`); 重新开具 when the year's valid proof no longer states its figures (开具 revokes it
 * and issues anew); 开具 otherwise.
 */
function YearProofAction({ accountId, year, proofs }: { accountId: string; year: number; proofs: readonly ListedHoursProof[] }) {
  const current = proofs.find((p) => p.year === year && p.current);
  if (current) {
    return (
      <Link to={`${proofsBase(accountId)}/${current.proofId}`} className="text-blue-700 hover:underline">
        查看{year}年度学时证明
      </Link>
    );
  }
  const stale = proofs.some((p) => p.year === year && p.status === "VALID");
  // 学时证明 states the hours counting now, whatever 统计时间 this page shows.
  return <RowAction intent="issueProof" values={{ year: String(year) }} label={`${stale ? "重新开具" : "开具"}${year}年度学时证明`} />;
}

export default function LearningRecordPage() {
  const { trail, today, formNames, proofs, filters, result, errors, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const reply = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <DateFilter label="统计时间" name="asOf" value={result?.asOf ?? filters.asOf ?? today} max={today} error={errors.asOf} />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.professionals}/${result.accountId}/learning/export`} query={search} refused={refused} /> : null}
      <ReplyErrors result={reply?.result} />
      {result ? (
        <>
          <div className="mb-4">
            <FactList
              look="pairs"
              facts={[
                ["姓名", result.name],
                ["证件号", result.idNumberMasked],
                ["所在单位", result.unitName ?? ""],
                [
                  "统计时间",
                  <span key="asOf">
                    {result.asOf}
                    <NotFinal final={result.final} />
                  </span>,
                ],
              ]}
            />
          </div>
          <PagedTable
            caption={`${result.name}的学习记录`}
            numbered
            columns={learningYearColumns}
            result={{ items: result.years, page: 1, pageSize: Math.max(1, result.years.length), total: result.years.length }}
            rowKey={(y) => String(y.year)}
          />
          <section className="mt-6">
            <h2 className="mb-2 text-sm font-semibold text-gray-800">已开具的学时证明（{proofs.length}份）</h2>
            <ProofList proofs={proofs} base={proofsBase(result.accountId)} />
          </section>
          {result.years.map((y) => (
            <section key={y.year} className="mt-6">
              <div className="mb-2 flex items-center justify-between gap-3">
                <h2 className="text-sm font-semibold text-gray-800">
                  {y.year}年度学时申报（{complianceVerdict(y.compliant)}）
                </h2>
                <YearProofAction accountId={result.accountId} year={y.year} proofs={proofs} />
              </div>
              <DataTable caption={`${y.year}年度学时申报`} columns={recordColumns(formNames)} rows={y.records} rowKey={(r) => r.declarationId} />
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
