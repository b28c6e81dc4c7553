import { type AuditRow, auditActionLabels, auditChanges, auditFieldLabels, formatDateTime, ListAuditInput } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Pager } from "../components/Pager.tsx";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/audit";
const entityLabels: Record<string, string> = { department: "部门", admin: "管理员", role: "角色", unit: "单位", unitChangeRequest: "机构信息修改申请" };

// 管理直属账户 › 操作日志: the audit trail of the unit (and its subtree for an authority).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListAuditInput, new URL(request.url).searchParams);
  const result = await api.identity.audit.list.query(input).catch((e) => rethrowServiceError(request, e));
  // Formatted here so server and browser print the same text.
  const rows = result.items.map((r) => ({ ...r, timeText: formatDateTime(r.occurredAt), changes: auditChanges(r.before, r.after) }));
  return {
    trail: [here.section.label, here.page.label],
    filters: { actor: input.actor ?? "", action: input.action ?? "", from: input.from ?? "", to: input.to ?? "" },
    result: { ...result, items: rows },
  };
}

type Row = AuditRow & { timeText: string; changes: { field: string; from: string; to: string }[] };

const changeList = (changes: Row["changes"], side: "from" | "to") => (
  <ul className="space-y-0.5 text-xs">
    {changes.map((c) => (
      <li key={c.field}>
        <span className="text-gray-500">{auditFieldLabels[c.field] ?? c.field}:</span> {side === "from" ? c.from : c.to}
      </li>
    ))}
  </ul>
);

const columns: Column<Row>[] = [
  { header: "时间", cell: (r) => r.timeText, className: "whitespace-nowrap" },
  { header: "操作人", cell: (r) => r.actorName ?? "系统", className: "whitespace-nowrap" },
  { header: "操作", cell: (r) => auditActionLabels[r.action] ?? r.action, className: "whitespace-nowrap" },
  { header: "对象", cell: (r) => entityLabels[r.entityType] ?? r.entityType, className: "whitespace-nowrap" },
  { header: "变更前", cell: (r) => changeList(r.changes, "from") },
  { header: "变更后", cell: (r) => changeList(r.changes, "to") },
];

export default function AuditPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-actor" className="text-gray-700">
          操作人:
        </label>
        <input id="filter-actor" name="actor" defaultValue={filters.actor} maxLength={50} className={`${inputBase} w-36`} />
        <label htmlFor="filter-action" className="text-gray-700">
          操作类型:
        </label>
        <select id="filter-action" name="action" defaultValue={filters.action} className={`${inputBase} w-44`}>
          <option value="">全部</option>
          {Object.entries(auditActionLabels).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="filter-from" className="text-gray-700">
          日期:
        </label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from} className={inputBase} aria-label="开始日期" />
        <span>至</span>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to} className={inputBase} aria-label="结束日期" />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      <DataTable caption="操作日志" columns={columns} rows={result.items} rowKey={(r) => r.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
