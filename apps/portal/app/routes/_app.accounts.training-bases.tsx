import { industries, industryName, ListTrainingBasesInput, TrainingLevel, trainingLevelLabels, type UnitRow } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Pager } from "../components/Pager.tsx";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/accounts/training-bases";
// A base's 管理员信息 and 详情 are the subordinate-unit pages.
const UNIT_PAGES = "/accounts/subordinates";

// 管理直属账户 › 管理继续教育基地: CE bases in scope, filtered by 名称 / 所属行业 / 级别.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListTrainingBasesInput, new URL(request.url).searchParams);
  const result = await api.identity.units.trainingBases.query(input).catch((e) => rethrowServiceError(request, e));
  return {
    trail: [here.section.label, here.page.label],
    filters: { name: input.name ?? "", industry: input.industry ?? "", trainingLevel: input.trainingLevel ?? "" },
    result,
  };
}

const columns = (offset: number): Column<UnitRow>[] => [
  { header: "序号", cell: (_, i) => offset + i + 1, className: "w-16 text-center" },
  { header: "继续教育基地名称", cell: (u) => u.name },
  { header: "机构代码", cell: (u) => u.code ?? "", className: "font-mono" },
  { header: "所属行业", cell: (u) => (u.industry ? (industryName(u.industry) ?? u.industry) : "") },
  { header: "施教级别", cell: (u) => (u.trainingLevel ? trainingLevelLabels[u.trainingLevel] : ""), className: "text-center" },
  {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (u) => (
      <span className="space-x-3">
        <Link to={`${UNIT_PAGES}/${u.id}/admins`} className="text-blue-700 hover:underline">
          管理员信息
        </Link>
        <Link to={`${UNIT_PAGES}/${u.id}`} className="text-blue-700 hover:underline">
          详情
        </Link>
      </span>
    ),
  },
];

export default function TrainingBasesPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          继续教育基地名称:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={100} className={`${inputBase} w-52`} />
        <label htmlFor="filter-industry" className="text-gray-700">
          所属行业:
        </label>
        <select id="filter-industry" name="industry" defaultValue={filters.industry} className={`${inputBase} w-48`}>
          <option value="">全部</option>
          {industries.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
        <label htmlFor="filter-level" className="text-gray-700">
          继续教育基地级别:
        </label>
        <select id="filter-level" name="trainingLevel" defaultValue={filters.trainingLevel} className={`${inputBase} w-32`}>
          <option value="">全部</option>
          {TrainingLevel.options.map((l) => (
            <option key={l} value={l}>
              {trainingLevelLabels[l]}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      <DataTable caption="继续教育基地" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(u) => u.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
