import { type AuditLine, auditActionLabels, auditView, calendarDate, formatDateTime, ListAuditInput } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { DateRangeFilter } from "../components/stats/filters.tsx";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage } from "../utils/session.server.ts";
import { loadStatistic } from "../utils/stats.server.ts";

const PATH = "/audit";
const FILTERS = ["actor", "action", "from", "to"] as const;
const NO_ROWS = { items: [], page: 1, pageSize: 20, total: 0 };

// 管理直属账户 › 操作日志: the audit trail of the unit (and its subtree for an authority), every service's admin actions
// (hours' arrive as events: ADR 015), in the guide's words through contracts' auditView.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  // A refused filter (结束时间 before 开始时间: periodInOrder) comes back by its field, with no rows.
  const load = await loadStatistic(request, ListAuditInput, FILTERS, (input) => api.identity.audit.list.query(input));
  // Formatted here so server and browser print the same text.
  const result = load.result
    ? { ...load.result, items: load.result.items.map((r) => ({ id: r.id, actorName: r.actorName, timeText: formatDateTime(r.occurredAt), ...auditView(r) })) }
    : null;
  return data(
    { trail: [here.section.label, here.page.label], today: calendarDate(new Date()), filters: load.filters, errors: load.errors, result },
    { status: load.status, headers: load.headers },
  );
}

/** The loader's headers (a refused download's one-time cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

type Row = AuditLine & { id: string; actorName: string | null; timeText: string };

const changeList = (changes: Row["changes"], side: "from" | "to") => (
  <ul className="space-y-0.5 text-xs">
    {changes.map((c) => (
      <li key={c.field}>
        <span className="text-gray-500">{c.label}:</span> {side === "from" ? c.from : c.to}
      </li>
    ))}
  </ul>
);

const actions = Object.entries(auditActionLabels).map(([code, name]) => ({ code, name }));

const columns: Column<Row>[] = [
  { header: "时间", cell: (r) => r.timeText, className: "whitespace-nowrap" },
  { header: "操作人", cell: (r) => r.actorName ?? "系统", className: "whitespace-nowrap" },
  { header: "操作", cell: (r) => r.action, className: "whitespace-nowrap" },
  { header: "对象", cell: (r) => r.object },
  { header: "变更前", cell: (r) => changeList(r.changes, "from") },
  { header: "变更后", cell: (r) => changeList(r.changes, "to") },
];

export default function AuditPage() {
  const { trail, today, filters, errors, result } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <Filter label="操作人" name="actor" value={filters.actor ?? ""} error={errors.actor} maxLength={50} width="w-36" />
        <Filter label="操作类型" name="action" value={filters.action ?? ""} error={errors.action} options={actions} width="w-44" />
        <DateRangeFilter from={filters.from ?? ""} to={filters.to ?? ""} max={today} errors={errors} />
      </SearchBar>
      <PagedTable caption="操作日志" columns={columns} result={result ?? NO_ROWS} rowKey={(r) => r.id} />
    </div>
  );
}
