import { CountPeopleInput, type CountPerson, complianceVerdict, statisticMeasureLabels } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, linkColumn } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { ExportLinks } from "../components/stats/filters.tsx";
import { countsHref, learningHref, STATS } from "../components/stats/links.ts";
import { NotFinal } from "../components/stats/NotFinal.tsx";
import { takeRefusal } from "../utils/download-refusal.server.ts";
import { openedSearch } from "../utils/id-search.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 专业技术人员数量查询 › one figure's people (issue 10 item 4): who makes 注册总数 / 学习总数 / 合格总数
// of a unit (or of the 合计 row: its whole subtree) on the same 统计时间, each leading to their 学习记录.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.counts);
  const input = parseListQuery(CountPeopleInput, openedSearch(request));
  const result = await api.reporting.statistics.countPeople.query(input).catch((e) => rethrowServiceError(request, e));
  // A refused 导出 comes back here (download-refusal.server.ts): its message by the export links.
  const { refusal, clear } = await takeRefusal(request);
  return data(
    { trail: [here.section.label, here.page.label, statisticMeasureLabels[result.measure]], result, refused: refusal?.message ?? null },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

const columns = (asOf: string): Column<CountPerson>[] => [
  { header: "姓名", cell: (p) => p.name, className: "whitespace-nowrap" },
  { header: "证件号", cell: (p) => p.idNumberMasked, className: "font-mono whitespace-nowrap" },
  { header: "所在单位", cell: (p) => p.unitName },
  { header: "完成公需课时", cell: (p) => p.general, className: "text-right" },
  { header: "完成专业课时", cell: (p) => p.professional, className: "text-right" },
  { header: "总完成学时", cell: (p) => p.total, className: "text-right" },
  { header: "认定结果", cell: (p) => complianceVerdict(p.compliant), className: "text-center" },
  linkColumn("学习记录", (p) => learningHref(p.accountId, asOf), { className: "whitespace-nowrap text-center" }),
];

export default function CountPeoplePage() {
  const { trail, result, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const what = `${result.unitName}${result.scope === "SUBTREE" ? "（合计）" : ""} ${statisticMeasureLabels[result.measure]}`;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
        <p>
          <span className="font-medium">{what}</span>：{result.total}人　统计时间：{result.asOf}（{result.year}年度学时）
          <NotFinal final={result.final} />
          <Link to={countsHref(result.asOf)} className="ml-3 text-blue-700 underline">
            返回数量查询
          </Link>
        </p>
        <ExportLinks path={`${STATS.countPeople}/export`} query={search} refused={refused} />
      </div>
      <PagedTable caption={what} numbered columns={columns(result.asOf)} result={result} rowKey={(p) => p.accountId} />
    </div>
  );
}
