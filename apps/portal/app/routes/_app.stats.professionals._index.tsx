import { activationLabel, ProfessionalSearchInput, type ProfessionalSearchRow } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { Filter, PickerFilter, SearchBar } from "../components/SearchBar.tsx";
import { ExportBar } from "../components/stats/filters.tsx";
import { detailHref, learningHref, STATS } from "../components/stats/links.ts";
import { educationOptions, educationText, regionOptions, titleSeriesOptions, titleSeriesText } from "../components/stats/professionals.tsx";
import { formAction } from "../utils/form-action.server.ts";
import { ResetProfessionalPasswordForm, resetProfessionalPassword } from "../utils/professional-password.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage } from "../utils/session.server.ts";
import { loadStatistic, unitIdByName } from "../utils/stats.server.ts";

/** The loader's headers (the one-time refusal cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

/** The filter bar's fields (主管部门 is typed as a name: `authority`, resolved to the service's authorityId). */
const SHOWN = ["region", "authority", "name", "idNumber", "certificateNo", "education", "titleSeries", "qualification"] as const;

// 查询统计 › 专业技术人员信息查询 (§3.9): the registered professionals of the caller's subtree, by
// 地区 主管部门 姓名 证件号 证书管理号 学历 专业技术职务 现专业技术职称资格; 详细 and 学习记录 per row.
// 所在人社 is not offered: no service records it. 重置密码 is identity's (professionals.resetPassword).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.professionals);
  const load = await loadStatistic(
    request,
    ProfessionalSearchInput,
    SHOWN,
    async (input, typed) => api.reporting.statistics.professionals.query({ ...input, authorityId: await unitIdByName(api, "authority", typed.authority) }),
    { authorityId: "authority" },
  );
  const { headers, ...loaded } = load;
  return data({ trail: [here.section.label, here.page.label], ...loaded }, { status: load.status, headers });
}

/** 重置密码 (utils/professional-password.server.ts). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, STATS.professionals);
  return formAction(request, ResetProfessionalPasswordForm, { fields: [] }, (form) => resetProfessionalPassword(api, request, form));
}

const columns: Column<ProfessionalSearchRow>[] = [
  {
    header: "姓名",
    // 未激活 (issue 12): imported and not signed in yet; the guide's columns stay as they are.
    cell: (p) => (
      <>
        {p.name}
        {p.activated ? null : (
          <span title="批量导入的人员，重置密码后首次登录即激活" className="ml-1.5 rounded bg-amber-50 px-1 py-px text-xs text-amber-800 ring-1 ring-amber-200">
            {activationLabel(false)}
          </span>
        )}
      </>
    ),
    className: "whitespace-nowrap",
  },
  { header: "证件号", cell: (p) => p.idNumberMasked, className: "font-mono whitespace-nowrap" },
  { header: "所在单位", cell: (p) => p.unitName },
  { header: "学历", cell: (p) => educationText(p.education), className: "whitespace-nowrap text-center" },
  { header: "专业技术职务", cell: (p) => titleSeriesText(p.titleSeries) },
  {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (p) => (
      <span className="space-x-3">
        <Link to={detailHref(p.accountId)} className="text-blue-700 hover:underline">
          详细
        </Link>
        <RowAction intent="resetPassword" values={{ accountId: p.accountId, name: p.name }} label="重置密码" confirm={`确定重置${p.name}的密码吗？`} />
        <Link to={learningHref(p.accountId)} className="text-blue-700 hover:underline">
          学习记录
        </Link>
      </span>
    ),
  },
];

export default function ProfessionalSearchPage() {
  const { trail, filters, result, errors, refused } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const f = (name: string) => filters[name] ?? "";
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar idSearch>
        <Filter label="地区" name="region" value={f("region")} error={errors.region} options={regionOptions} width="w-32" />
        <PickerFilter kind="authority" label="主管部门" name="authority" value={f("authority")} error={errors.authority} />
        <Filter label="姓名" name="name" value={f("name")} error={errors.name} width="w-32" />
        <Filter label="证件号" name="idNumber" value={f("idNumber")} error={errors.idNumber} width="w-48" maxLength={32} />
        <Filter label="证书管理号" name="certificateNo" value={f("certificateNo")} error={errors.certificateNo} width="w-40" />
        <Filter label="学历" name="education" value={f("education")} error={errors.education} options={educationOptions} width="w-32" />
        <Filter label="专业技术职务" name="titleSeries" value={f("titleSeries")} error={errors.titleSeries} options={titleSeriesOptions} width="w-40" />
        <Filter label="现专业技术职称资格" name="qualification" value={f("qualification")} error={errors.qualification} width="w-40" />
      </SearchBar>
      {result ? <ExportBar path={`${STATS.professionals}/export`} query={search} refused={refused} /> : null}
      {result ? <PagedTable caption="专业技术人员信息" numbered columns={columns} result={result} rowKey={(p) => p.accountId} /> : null}
    </div>
  );
}
