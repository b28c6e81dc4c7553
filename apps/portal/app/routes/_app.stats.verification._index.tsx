import { complianceVerdict, VerifyLearningInput, type VerifyLearningRow } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, linkColumn } from "../components/DataTable.tsx";
import { buttonClass } from "../components/forms.tsx";
import { IdSearchForm } from "../components/IdSearchForm.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter } from "../components/SearchBar.tsx";
import { ExportLinks } from "../components/stats/filters.tsx";
import { learningHref, STATS } from "../components/stats/links.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage } from "../utils/session.server.ts";
import { FilterRefusal, loadStatistic } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

/** The hidden field 查验 sends with the form: a 查验 with neither 证件号 nor 姓名 is told so, an opened page is not. */
const ASKED = "asked";

// 查询统计 › 学习记录验证 (§3.9): the registered professionals of the caller's subtree with this
// 证件号 and/or 姓名, one row per year: 年度 完成公需课时 完成专业课时 总完成学时 认定结果. The page
// opened: the guide's empty table (没有数据); 查验 with nothing typed: 请输入证件号或姓名 by 证件号; a
// number no one can have (a wrong check character): the reason, by 证件号 (contracts SearchedIdNumber).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.verification);
  const load = await loadStatistic(request, VerifyLearningInput, ["idNumber", "name"], (input, typed) => {
    if (typed[ASKED] && !input.idNumber && !input.name) throw new FilterRefusal("idNumber", "请输入证件号或姓名");
    return api.reporting.statistics.verifyLearning.query(input);
  });
  const { headers, ...loaded } = load;
  return data({ trail: [here.section.label, here.page.label], ...loaded }, { status: load.status, headers });
}

const columns: Column<VerifyLearningRow>[] = [
  { header: "证件号", cell: (r) => r.idNumberMasked, className: "font-mono whitespace-nowrap" },
  { header: "姓名", cell: (r) => r.name, className: "whitespace-nowrap" },
  { header: "年度", cell: (r) => r.year, className: "text-center" },
  { header: "完成公需课时", cell: (r) => r.general, className: "text-right" },
  { header: "完成专业课时", cell: (r) => r.professional, className: "text-right" },
  { header: "总完成学时", cell: (r) => r.total, className: "text-right" },
  { header: "认定结果", cell: (r) => complianceVerdict(r.compliant), className: "text-center" },
  linkColumn("学习记录", (r) => learningHref(r.accountId), { className: "whitespace-nowrap text-center" }),
];

const EMPTY = { items: [], page: 1, pageSize: 20, total: 0 };

export default function VerifyLearningPage() {
  const { trail, filters, result, errors, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const asked = Boolean(filters.idNumber || filters.name);
  return (
    <div>
      <Breadcrumbs trail={trail} />
      {/* The guide's form: 证件号, 姓名 and 查验; posted through /id-search, so the number never lands in a URL. */}
      <IdSearchForm className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <input type="hidden" name={ASKED} value="1" />
        <Filter label="证件号" name="idNumber" value={filters.idNumber ?? ""} error={errors.idNumber} width="w-56" maxLength={32} />
        <Filter label="姓名" name="name" value={filters.name ?? ""} error={errors.name} width="w-36" />
        <button type="submit" className={buttonClass}>
          查验
        </button>
        {result && asked ? <ExportLinks path={`${STATS.verification}/export`} query={search} refused={refused} /> : null}
      </IdSearchForm>
      <PagedTable caption="学习记录验证" numbered columns={columns} result={result ?? EMPTY} rowKey={(r) => `${r.accountId}-${r.year}`} />
    </div>
  );
}
