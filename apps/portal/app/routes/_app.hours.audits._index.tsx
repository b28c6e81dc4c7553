import { AuditBatchDecision, type DeclarationRow, ListAuditsInput } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { inputBase, Select } from "../components/forms.tsx";
import { detailColumn, recordColumns } from "../components/hours/RecordColumns.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { batchDecisionAction } from "../utils/decision-review.server.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/hours/audits";

// 成果备案 › 学时审验 (§3.7): approved hours of subordinate units, all or a random sample per unit and form.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await requireListPage(request, context, PATH, ListAuditsInput, (api, input) =>
    Promise.all([api.hours.audits.list.query(input), api.hours.forms.list.query()]),
  );
  const [result, forms] = page.result;
  return { trail: page.trail, input: page.input, forms, result, seed: Math.random().toString(36).slice(2, 10) };
}

// 审验通过 (已备案) / 审验不通过 with its reason (作废, to be declared again); the flash names what another admin audited first.
export const action = batchDecisionAction(
  PATH,
  AuditBatchDecision,
  (api, input) =>
    input.decision === "APPROVE" ? api.hours.audits.pass.mutate({ ids: input.ids }) : api.hours.audits.fail.mutate({ ids: input.ids, reason: input.reason }),
  (input, n) => (input.decision === "APPROVE" ? `${n}条记录审验通过，已备案` : `${n}条记录审验不通过，已作废，需重新申报`),
);

const columns: Column<DeclarationRow>[] = [...recordColumns, detailColumn];

const samples = [
  { code: "COUNT", name: "每单位每形式抽N条" },
  { code: "PERCENT", name: "每单位每形式抽N%" },
];

export default function AuditsPage() {
  const { trail, input, forms, result, seed } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar keep={{ seed: input.seed ?? seed }}>
        <Filter label="学习形式" name="formCode" value={input.formCode ?? ""} options={forms.map((f) => ({ code: f.code, name: f.name }))} width="w-44" />
        <label htmlFor="filter-sample" className="text-gray-700">
          抽查方式:
        </label>
        <Select
          id="filter-sample"
          name="sample"
          defaultValue={input.sample}
          className={`${inputBase} w-40`}
          options={[{ code: "ALL", name: "全部记录" }, ...samples]}
        />
        <label htmlFor="filter-size" className="text-gray-700">
          N:
        </label>
        <input id="filter-size" name="sampleSize" type="number" min={1} defaultValue={input.sampleSize ?? ""} className={`${inputBase} w-20`} />
      </SearchBar>
      <BatchReview
        id="audits-batch"
        schema={AuditBatchDecision}
        lastResult={reply?.result}
        approveLabel="审验通过"
        rejectLabel="审验不通过"
        reason={{ label: "审验不通过原因", placeholder: "审验不通过时必填" }}
        caption="待审验的学时记录"
        columns={columns}
        numbered
        result={result}
        rowKey={(r) => r.id}
        rowLabel={(r) => `${r.professionalName}的记录`}
        rejectConfirm={(n) => `确定将选中的${n}条学时记录审验不通过吗？审验不通过的记录将作废，需重新申报。`}
      />
    </div>
  );
}
