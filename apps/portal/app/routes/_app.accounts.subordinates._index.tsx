import { industryName, ListSubordinatesInput, UnitNature, type UnitRow, unitNatureLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Pager } from "../components/Pager.tsx";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/accounts/subordinates";

// 管理直属账户 › 管理下级单位: approved units below the admin's own, filtered by 单位名称 / 单位性质.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListSubordinatesInput, new URL(request.url).searchParams);
  const result = await api.identity.units.listSubordinates.query(input).catch((e) => rethrowServiceError(request, e));
  return {
    trail: [here.section.label, here.page.label],
    filters: { name: input.name ?? "", nature: input.nature ?? "" },
    result,
  };
}

const columns = (offset: number): Column<UnitRow>[] => [
  { header: "序号", cell: (_, i) => offset + i + 1, className: "w-16 text-center" },
  { header: "单位名称", cell: (u) => u.name },
  { header: "单位性质", cell: (u) => unitNatureLabels[u.nature], className: "text-center" },
  { header: "所属行业", cell: (u) => (u.industry ? (industryName(u.industry) ?? u.industry) : "") },
  { header: "机构代码/统一社会信用代码", cell: (u) => u.code ?? "", className: "font-mono" },
  {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (u) => (
      <span className="space-x-3">
        <Link to={`${PATH}/${u.id}/admins`} className="text-blue-700 hover:underline">
          管理员信息
        </Link>
        <Link to={`${PATH}/${u.id}`} className="text-blue-700 hover:underline">
          详细
        </Link>
      </span>
    ),
  },
];

export default function SubordinatesPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      {/* key: a back/forward navigation refills the fields from the URL */}
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          单位名称:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={100} className={`${inputBase} w-56`} />
        <label htmlFor="filter-nature" className="text-gray-700">
          单位性质:
        </label>
        <select id="filter-nature" name="nature" defaultValue={filters.nature} className={`${inputBase} w-36`}>
          <option value="">全部</option>
          {UnitNature.options.map((n) => (
            <option key={n} value={n}>
              {unitNatureLabels[n]}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      <DataTable caption="下级单位" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(u) => u.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
