import { ListSubordinatesInput, UnitNature, type UnitRow, unitNatureLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { industryColumn, unitActionsColumn } from "../components/UnitColumns.tsx";
import { filterValues } from "../utils/query.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/accounts/subordinates";

// 管理直属账户 › 管理下级单位: approved units below the admin's own, filtered by 单位名称 / 单位性质.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListSubordinatesInput, (api, input) =>
    api.identity.units.listSubordinates.query(input),
  );
  return { trail, filters: filterValues(input, ["name", "nature"]), result };
}

const natures = UnitNature.options.map((code) => ({ code, name: unitNatureLabels[code] }));

const columns: Column<UnitRow>[] = [
  { header: "单位名称", cell: (u) => u.name },
  { header: "单位性质", cell: (u) => unitNatureLabels[u.nature], className: "text-center" },
  industryColumn,
  { header: "机构代码/统一社会信用代码", cell: (u) => u.code ?? "", className: "font-mono" },
  unitActionsColumn("详细"),
];

export default function SubordinatesPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <Filter label="单位名称" name="name" value={filters.name} maxLength={100} width="w-56" />
        <Filter label="单位性质" name="nature" value={filters.nature} options={natures} width="w-36" />
      </SearchBar>
      <PagedTable caption="下级单位" numbered columns={columns} result={result} rowKey={(u) => u.id} />
    </div>
  );
}
