import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_DEFAULT_ID_LOOKUPS,
  API_TOKEN_DEFAULT_RATE,
  API_TOKEN_MAX_DAYS,
  API_TOKEN_MAX_ID_LOOKUPS,
  API_TOKEN_MAX_RATE,
  ApiTokenIdInput,
  type ApiTokenRow,
  apiTokenPermissionLabels,
  apiTokenPermissions,
  apiTokenStatusLabels,
  CreateApiTokenInput,
  formatDateTime,
} from "@ce/contracts";
import { getCollectionProps, getFormProps, getInputProps } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, Field, FormErrors, FormPanel, inputClass, ReplyErrors, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { PickerField } from "../components/Picker.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { STATS, tokenUsesHref } from "../components/stats/links.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = STATS.apiTokens;
/** Where analysts call the HTTP API: this portal passes /api/v1/… on to reporting (server.ts). */
const API_PATH = "/api/v1";
/** The API's OpenAPI 3.1 document, served by reporting through the same proxy without a token (docs/analysts.md). */
const OPENAPI_PATH = `${API_PATH}/openapi.json`;

// 查询统计 › 接口令牌管理 (issue 11 item 1): a super admin's tokens for analysts and other systems
// (reporting's HTTP API, docs/analysts.md): the unit's tokens with their status; ?add=1 opens
// 新建令牌, whose secret is shown once on the answer; 撤销 asks first.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here, me } = await requirePage(request, context, PATH);
  const { items } = await api.reporting.apiTokens.list.query().catch((e) => rethrowServiceError(request, e));
  const url = new URL(request.url);
  return {
    trail: [here.section.label, here.page.label],
    items,
    adding: url.searchParams.get("add") === "1",
    unitName: me.unitName ?? "",
    apiBase: `${url.origin}${API_PATH}`,
  };
}

/** One schema per intent: 新建令牌 and the row's 撤销. */
const CreateTokenForm = CreateApiTokenInput.extend({ intent: z.literal("create") });
const TokenAction = z.discriminatedUnion("intent", [CreateTokenForm, ApiTokenIdInput.extend({ intent: z.literal("revoke") })]);

// 新建令牌 answers the page itself with the secret (never kept anywhere the page could show again);
// 撤销 goes back to the list with its flash, naming the token as stored (never a name the form posted).
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const { form, intent } = await readIntentForm(request);
  const tokens = api.reporting.apiTokens;
  const fields = intent === "revoke" ? [] : ["name", "scopeUnitId", "permissions", "validDays", "ratePerMinute", "idLookupsPerDay"];
  return formAction(request, TokenAction, { form, fields, extra: () => ({ intent, created: null }) }, async (v) => {
    if (v.intent === "revoke") {
      const revoked = await tokens.revoke.mutate({ id: v.id });
      return redirectWithFlash(PATH, `已撤销令牌${revoked.name}`);
    }
    const { intent: _intent, ...input } = v;
    const made = await tokens.create.mutate(input);
    return data({ intent, created: { name: made.token.name, secret: made.secret, expiresAt: made.token.expiresAt }, result: null });
  });
}

/**
 * The list's columns, laid out to fit the page's content width at 1366 px (about 1,000 px; the
 * browser test checks no horizontal scroll): 报表权限 as wrapping tags, the two limits in one
 * column, 创建/到期 in one, times to the minute.
 */
function columns(): Column<ApiTokenRow>[] {
  const at = (iso: string | null) => (iso ? formatDateTime(new Date(iso), { seconds: false }) : "—");
  const small = "block whitespace-nowrap text-xs";
  return [
    {
      header: "名称",
      cell: (t) => (
        // A token's name and unit wrap anywhere a line may break (the list's cells keep Chinese words whole): at 1366 px the list fits.
        <span className="break-normal break-words">
          {t.name}
          <span className="block font-mono text-xs text-gray-500">{t.prefix}…</span>
        </span>
      ),
    },
    { header: "数据范围", cell: (t) => <span className="break-normal">{t.scopeUnitName}</span>, className: "min-w-[6rem]" },
    {
      header: "报表权限",
      className: "min-w-[12rem]",
      cell: (t) => (
        <ul className="flex flex-wrap gap-1 break-normal">
          {t.permissions.map((p) => (
            <li key={p} className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-900">
              {apiTokenPermissionLabels[p]}
            </li>
          ))}
        </ul>
      ),
    },
    {
      header: "调用上限",
      cell: (t) => (
        <>
          <span className={small}>每分钟{t.ratePerMinute}次</span>
          <span className={small}>证件号查询{t.idLookupsPerDay}次/日</span>
        </>
      ),
    },
    {
      header: "创建 / 到期",
      cell: (t) => (
        <>
          <span className={small}>创建 {at(t.createdAt)}</span>
          <span className={`${small} text-gray-500`}>{t.createdByName}</span>
          <span className={small}>到期 {at(t.expiresAt)}</span>
        </>
      ),
    },
    { header: "最近使用", cell: (t) => <span className={small}>{at(t.lastUsedAt)}</span> },
    { header: "状态", cell: (t) => apiTokenStatusLabels[t.status], className: "whitespace-nowrap text-center" },
    {
      header: "操作",
      className: "whitespace-nowrap text-center",
      cell: (t) => (
        <span className="flex flex-col items-center gap-1">
          <Link to={tokenUsesHref(t.id)} className="text-blue-700 hover:underline">
            调用记录
          </Link>
          {t.status === "REVOKED" ? null : (
            <RowAction intent="revoke" values={{ id: t.id }} label="撤销" confirm={`确定撤销令牌“${t.name}”吗？撤销后使用该令牌的调用将立即被拒绝。`} />
          )}
        </span>
      ),
    },
  ];
}

function TokenForm() {
  const { unitName } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(CreateTokenForm, {
    id: "api-token-new",
    lastResult: reply?.intent === "create" ? reply.result : null,
    defaultValue: {
      name: "",
      permissions: [],
      validDays: String(API_TOKEN_DEFAULT_DAYS),
      ratePerMinute: String(API_TOKEN_DEFAULT_RATE),
      idLookupsPerDay: String(API_TOKEN_DEFAULT_ID_LOOKUPS),
    },
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: daysKey, ...daysProps } = getInputProps(fields.validDays, { type: "number" });
  const { key: rateKey, ...rateProps } = getInputProps(fields.ratePerMinute, { type: "number" });
  const { key: lookupsKey, ...lookupsProps } = getInputProps(fields.idLookupsPerDay, { type: "number" });
  return (
    <FormPanel title="新建令牌" className="max-w-3xl">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="create" />
        <Field label="令牌名称" htmlFor={fields.name.id} errors={fields.name.errors} errorId={fields.name.errorId} required>
          <input key={nameKey} {...nameProps} className={inputClass} placeholder="如：年度统计分析、职称评审系统" />
        </Field>
        <PickerField
          rowLabel="数据范围"
          field={fields.scopeUnitId}
          kind="unit"
          name="scopeUnitId"
          id="api-token-scope"
          label="数据范围"
          placeholder={`留空为本单位（${unitName}）及下级，或输入下级单位名称搜索`}
        />
        <fieldset aria-describedby={fields.permissions.errorId} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3">
          <legend className="sr-only">报表权限</legend>
          <span aria-hidden="true" className="pt-1 text-right text-sm text-gray-700">
            <span className="mr-0.5 text-red-600">*</span>报表权限:
          </span>
          <div>
            <div className="flex flex-wrap gap-x-4 gap-y-1 pt-1 text-sm">
              {getCollectionProps(fields.permissions, { type: "checkbox", options: apiTokenPermissions.map((p) => p.code) }).map(({ key, ...props }) => (
                <label key={key} className="inline-flex items-center gap-1">
                  <input {...props} />
                  {apiTokenPermissionLabels[props.value as keyof typeof apiTokenPermissionLabels]}
                </label>
              ))}
            </div>
            <ErrorList id={fields.permissions.errorId} errors={fields.permissions.errors} />
          </div>
        </fieldset>
        <Field label="有效期（天）" htmlFor={fields.validDays.id} errors={fields.validDays.errors} errorId={fields.validDays.errorId} required>
          <input key={daysKey} {...daysProps} className={`${inputClass} max-w-[8rem]`} />
          <p className="mt-1 text-xs text-gray-500">
            默认{API_TOKEN_DEFAULT_DAYS}天，最长{API_TOKEN_MAX_DAYS}天。
          </p>
        </Field>
        <Field label="每分钟上限" htmlFor={fields.ratePerMinute.id} errors={fields.ratePerMinute.errors} errorId={fields.ratePerMinute.errorId} required>
          <input key={rateKey} {...rateProps} className={`${inputClass} max-w-[8rem]`} />
          <p className="mt-1 text-xs text-gray-500">每分钟最多调用次数（1–{API_TOKEN_MAX_RATE}），超出的调用被拒绝。</p>
        </Field>
        <Field
          label="证件号查询上限（次/日）"
          htmlFor={fields.idLookupsPerDay.id}
          errors={fields.idLookupsPerDay.errors}
          errorId={fields.idLookupsPerDay.errorId}
          required
        >
          <input key={lookupsKey} {...lookupsProps} className={`${inputClass} max-w-[8rem]`} />
          <p className="mt-1 text-xs text-gray-500">
            每天按证件号查询人员的次数（学时达标情况等，1–{API_TOKEN_MAX_ID_LOOKUPS}，默认{API_TOKEN_DEFAULT_ID_LOOKUPS}），每次查询都会记录。
          </p>
        </Field>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SubmitRow label="生成令牌" cancel={PATH} />
      </Form>
    </FormPanel>
  );
}

/** The secret of a token just made, shown this once, with 复制 (the clipboard where the browser allows it, else the text selected). */
function CreatedSecret({ name, secret, expiresAt }: { name: string; secret: string; expiresAt: string }) {
  const { apiBase } = useLoaderData<typeof loader>();
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    const box = document.getElementById("api-token-secret") as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("已复制");
    } catch {
      box?.select();
      setCopied("请按 Ctrl+C 复制已选中的令牌");
    }
  }
  return (
    <section aria-labelledby="api-token-created" className="mb-4 rounded border border-green-300 bg-green-50 p-4 text-sm">
      <h2 id="api-token-created" className="mb-2 font-semibold text-green-900">
        已生成令牌“{name}”（{formatDateTime(new Date(expiresAt))}到期）
      </h2>
      <p className="mb-2 text-red-700">令牌只显示这一次，离开本页后无法再次查看。请立即复制并妥善保管；如有泄露，请撤销后重新生成。</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="api-token-secret" className="text-gray-700">
          令牌:
        </label>
        <input id="api-token-secret" readOnly value={secret} className={`${inputClass} max-w-xl font-mono`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy} className="rounded border border-blue-600 px-3 py-1 text-blue-700 hover:bg-blue-50">
          复制
        </button>
        <span role="status" className="text-green-800">
          {copied}
        </span>
      </div>
      <p className="mt-2 text-gray-700">调用示例：</p>
      <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs">{`curl -X POST ${apiBase}/statistics/professional-counts \\
  -H "Authorization: Bearer <令牌>" -H "Content-Type: application/json" \\
  -d '{"asOf":"2026-06-30"}'`}</pre>
    </section>
  );
}

export default function ApiTokensPage() {
  const { trail, items, adding } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const created = reply?.intent === "create" ? reply.created : null;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-3 text-sm text-gray-700">
        接口令牌供数据分析人员和其他系统调用查询统计接口（{API_PATH}，说明见{" "}
        {/* A link inside running text is underlined, not told apart by colour alone (axe link-in-text-block). */}
        <a href={OPENAPI_PATH} className="text-blue-700 underline hover:no-underline">
          OpenAPI 文档
        </a>
        ），只能读取所选数据范围内、所授权报表的数据；每次调用都会记录。
      </p>
      {created ? <CreatedSecret {...created} /> : null}
      <div className="mb-4">
        <Link to={`${PATH}?add=1`} className={buttonClass}>
          新建令牌
        </Link>
      </div>
      <ReplyErrors result={reply?.intent === "revoke" ? reply.result : null} />
      {adding && !created ? <TokenForm /> : null}
      <DataTable caption="接口令牌" columns={columns()} rows={items} rowKey={(t) => t.id} />
    </div>
  );
}
