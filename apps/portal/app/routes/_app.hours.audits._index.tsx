import { type DeclarationRow, FailAuditInput, ListAuditsInput, PassAuditInput } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { RowCheck } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors, inputBase } from "../components/forms.tsx";
import { detailColumn, recordColumns } from "../components/hours/RecordColumns.tsx";
import { Notice } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { BATCH_PART, typedBack, typedOr } from "../utils/typed-back.ts";

const PATH = "/hours/audits";

async function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const { api, here } = await requirePage(request, context, PATH);
  return { api, here };
}

// 成果备案 › 学时审验 (§3.7): approved hours of subordinate units, all or a random sample per unit and form.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await signedIn(request, context);
  const input = parseListQuery(ListAuditsInput, new URL(request.url).searchParams);
  const [result, forms] = await Promise.all([api.hours.audits.list.query(input), api.hours.forms.list.query()]).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], input, forms, result, seed: Math.random().toString(36).slice(2, 10) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await signedIn(request, context);
  const form = await readTextForm(request);
  const declarationIds = form.getAll("ids").map(String);
  // A refusal puts back the ticked rows and the reason (typed-back.ts).
  const typed = typedBack(form, BATCH_PART, ["reason"], ["ids"]);
  try {
    if (form.get("intent") === "fail") {
      const input = FailAuditInput.safeParse({ declarationIds, reason: String(form.get("reason") ?? "") });
      if (!input.success) return data({ ok: false as const, errors: input.error.issues.map((i) => i.message), typed }, { status: 400 });
      const { decided } = await api.hours.audits.fail.mutate(input.data);
      return { ok: true as const, message: `${decided}条记录审验不通过，已作废，需重新申报` };
    }
    const input = PassAuditInput.safeParse({ declarationIds });
    if (!input.success) return data({ ok: false as const, errors: input.error.issues.map((i) => i.message), typed }, { status: 400 });
    const { decided } = await api.hours.audits.pass.mutate(input.data);
    return { ok: true as const, message: `${decided}条记录审验通过，已备案` };
  } catch (error) {
    return data({ ok: false as const, errors: toFormErrors(error, []).formErrors, typed }, { status: 400 });
  }
}

const columns = (offset: number): Column<DeclarationRow>[] => [
  {
    header: "选择",
    className: "w-12 text-center",
    cell: (r) => <RowCheck formId="audit" value={r.id} label={`${r.professionalName}的记录`} />,
  },
  ...recordColumns(offset),
  detailColumn,
];

export default function AuditsPage() {
  const { trail, input, forms, result, seed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const typed = actionData && !actionData.ok ? actionData.typed : null;
  const busy = useNavigation().state === "submitting";
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="audit-form" className="text-gray-700">
          学习形式:
        </label>
        <select id="audit-form" name="formCode" defaultValue={input.formCode ?? ""} className={`${inputBase} w-44`}>
          <option value="">全部</option>
          {forms.map((f) => (
            <option key={f.code} value={f.code}>
              {f.name}
            </option>
          ))}
        </select>
        <label htmlFor="audit-sample" className="text-gray-700">
          抽查方式:
        </label>
        <select id="audit-sample" name="sample" defaultValue={input.sample} className={`${inputBase} w-40`}>
          <option value="ALL">全部记录</option>
          <option value="COUNT">每单位每形式抽N条</option>
          <option value="PERCENT">每单位每形式抽N%</option>
        </select>
        <label htmlFor="audit-size" className="text-gray-700">
          N:
        </label>
        <input id="audit-size" name="sampleSize" type="number" min={1} defaultValue={input.sampleSize ?? ""} className={`${inputBase} w-20`} />
        <input type="hidden" name="seed" value={input.seed ?? seed} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      {actionData?.ok ? (
        <div className="mb-3">
          <Notice tone="success">{actionData.message}</Notice>
        </div>
      ) : null}
      <DataTable caption="待审验的学时记录" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(r) => r.id} />
      <Form method="post" id="audit" className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <button type="submit" name="intent" value="pass" className={buttonClass} disabled={busy}>
          审验通过
        </button>
        <input
          name="reason"
          defaultValue={typedOr(typed, BATCH_PART, "reason", "")}
          aria-label="审验不通过原因"
          placeholder="审验不通过原因"
          maxLength={200}
          className={`${inputBase} w-64`}
        />
        <button type="submit" name="intent" value="fail" className={`${buttonClass} bg-red-700 hover:bg-red-800`} disabled={busy}>
          审验不通过
        </button>
      </Form>
      {actionData && !actionData.ok ? (
        <div className="mt-3">
          <FormErrors errors={actionData.errors} />
        </div>
      ) : null}
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
