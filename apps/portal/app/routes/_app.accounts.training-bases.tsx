import { industries, ListTrainingBasesInput, TrainingLevel, trainingLevelLabels, type UnitRow } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { industryColumn, unitActionsColumn } from "../components/UnitColumns.tsx";
import { filterValues } from "../utils/query.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/accounts/training-bases";

// 管理直属账户 › 管理继续教育基地: CE bases in scope, filtered by 名称 / 所属行业 / 级别.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListTrainingBasesInput, (api, input) =>
    api.identity.units.trainingBases.query(input),
  );
  return { trail, filters: filterValues(input, ["name", "industry", "trainingLevel"]), result };
}

const levels = TrainingLevel.options.map((code) => ({ code, name: trainingLevelLabels[code] }));

const columns: Column<UnitRow>[] = [
  { header: "继续教育基地名称", cell: (u) => u.name },
  { header: "机构代码", cell: (u) => u.code ?? "", className: "font-mono" },
  industryColumn,
  { header: "施教级别", cell: (u) => (u.trainingLevel ? trainingLevelLabels[u.trainingLevel] : ""), className: "text-center" },
  unitActionsColumn("详情"),
];

export default function TrainingBasesPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <Filter label="继续教育基地名称" name="name" value={filters.name} maxLength={100} width="w-52" />
        <Filter label="所属行业" name="industry" value={filters.industry} options={industries} width="w-48" />
        <Filter label="继续教育基地级别" name="trainingLevel" value={filters.trainingLevel} options={levels} width="w-32" />
      </SearchBar>
      <PagedTable caption="继续教育基地" numbered columns={columns} result={result} rowKey={(u) => u.id} />
    </div>
  );
}
