import { CreateRoleInput, DeleteRoleInput, ListRolesInput, permissionGroups, permissionModules, type RoleRow, UpdateRoleInput } from "@ce/contracts";
import { getCollectionProps, getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { ErrorList, FormErrors, FormPanel, inputClass, ReplyErrors, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { classifyError } from "../utils/errors.server.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const PATH = "/accounts/roles";
const labelOf = new Map<string, string>(permissionModules.map((m) => [m.code, m.label]));

// 管理直属账户 › 角色管理: ?add=1 or ?edit=<role id> opens the form with the modules as checkboxes.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here, me } = await requirePage(request, context, PATH);
  const search = new URL(request.url).searchParams;
  const input = parseListQuery(ListRolesInput, search);
  const result = await api.identity.roles.list.query(input).catch((e) => rethrowServiceError(request, e));
  const editing = result.items.find((r) => r.id === search.get("edit")) ?? null;
  // Only the modules this kind of unit uses can be given (permissionsOfUnitKind): no always-empty menu items.
  return {
    trail: [here.section.label, here.page.label],
    filters: { name: input.name ?? "" },
    result,
    editing,
    adding: search.get("add") === "1",
    unitKind: me.unitKind,
  };
}

function listHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("add");
  params.delete("edit");
  const q = params.toString();
  return q ? `${PATH}?${q}` : PATH;
}

/** One schema per intent: 添加角色, 编辑, and the row's 删除 (confirm=on: also from the admins holding it). */
const CreateRoleForm = CreateRoleInput.extend({ intent: z.literal("create") });
const UpdateRoleForm = UpdateRoleInput.extend({ intent: z.literal("update") });
const RoleAction = z.discriminatedUnion("intent", [CreateRoleForm, UpdateRoleForm, DeleteRoleInput.extend({ intent: z.literal("delete"), name: ShownName })]);

// Done: back to the list with the form closed and the flash. A role in use is not deleted at once:
// the refusal (409) comes back with a 确认删除 button.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const { form, intent } = await readIntentForm(request);
  const roles = api.identity.roles;
  const back = listHref(new URL(request.url).search);
  const extra = (error: unknown) => {
    const failure = error ? classifyError(error) : null;
    const inUse = intent === "delete" && failure?.kind === "rejected" && failure.status === 409;
    return { intent, confirm: inUse ? { id: String(form.get("id")), name: ShownName.parse(form.get("name")) } : null };
  };
  const fields = intent === "delete" ? [] : ["name", "permissions"];
  return formAction(request, RoleAction, { form, fields, extra }, async (v) => {
    if (v.intent === "delete") {
      const { removedFrom } = await roles.delete.mutate({ id: v.id, confirm: v.confirm });
      return redirectWithFlash(back, removedFrom > 0 ? `已删除角色${v.name}，并从${removedFrom}名管理员中移除` : `已删除角色${v.name}`);
    }
    if (v.intent === "update") {
      await roles.update.mutate({ id: v.id, name: v.name, permissions: v.permissions });
      return redirectWithFlash(back, `已保存角色${v.name}`);
    }
    await roles.create.mutate({ name: v.name, permissions: v.permissions });
    return redirectWithFlash(back, `已添加角色${v.name}`);
  });
}

function RoleForm() {
  const { editing, unitKind } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  const [form, fields] = useSchemaForm(editing ? UpdateRoleForm : CreateRoleForm, {
    id: `role-${editing?.id ?? "new"}`,
    lastResult: reply?.intent === "delete" ? null : reply?.result,
    defaultValue: { name: editing?.name ?? "", permissions: editing?.permissions ?? [] },
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  return (
    <FormPanel label={editing ? "编辑角色" : "添加角色"} title={editing ? `编辑角色：${editing.name}` : "添加角色"}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value={editing ? "update" : "create"} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <div className="flex items-start gap-3">
          <label htmlFor={fields.name.id} className="pt-2 text-gray-700">
            <span className="mr-0.5 text-red-600">*</span>角色名称:
          </label>
          <div>
            <input key={nameKey} {...nameProps} className={`${inputClass} w-64`} />
            <ErrorList id={fields.name.errorId} errors={fields.name.errors} />
          </div>
        </div>
        <fieldset aria-describedby={fields.permissions.errorId}>
          <legend className="mb-2 text-gray-700">权限模块:</legend>
          <div className="space-y-2">
            {permissionGroups(unitKind).map((g) => (
              <div key={g.menu} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2">
                <span className="font-medium text-gray-700">{g.menu}</span>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {getCollectionProps(fields.permissions, { type: "checkbox", options: g.modules.map((m) => m.code) }).map(({ key, ...props }) => (
                    <label key={key} className="inline-flex items-center gap-1">
                      <input {...props} />
                      {labelOf.get(props.value)}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
          <ErrorList id={fields.permissions.errorId} errors={fields.permissions.errors} />
        </fieldset>
        <p className="text-xs text-gray-500">角色权限的变更在管理员下次登录后生效；超级管理员始终拥有全部权限。</p>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SubmitRow label="保存" cancel={listHref(search)} />
      </Form>
    </FormPanel>
  );
}

function columns(search: string): Column<RoleRow>[] {
  const editHref = (id: string) => {
    const params = new URLSearchParams(search);
    params.delete("add");
    params.set("edit", id);
    return `?${params.toString()}`;
  };
  return [
    { header: "角色名称", cell: (r) => r.name, className: "whitespace-nowrap" },
    { header: "权限模块", cell: (r) => r.permissions.map((p) => labelOf.get(p) ?? p).join("、") },
    { header: "管理员数", cell: (r) => r.adminCount, className: "w-20 text-center" },
    {
      header: "操作",
      className: "w-32 whitespace-nowrap text-center",
      cell: (r) => (
        <span className="space-x-3">
          <TextLink to={editHref(r.id)}>编辑</TextLink>
          <RowAction intent="delete" values={{ id: r.id, name: r.name }} label="删除" confirm={`确定删除角色“${r.name}”吗？`} />
        </span>
      ),
    },
  ];
}

export default function RolesPage() {
  const { trail, filters, result, editing, adding } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  const addParams = new URLSearchParams(search);
  addParams.delete("edit");
  addParams.set("add", "1");
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar add={{ to: `?${addParams.toString()}`, label: "添加角色" }}>
        <Filter label="角色名称" name="name" value={filters.name} maxLength={30} />
      </SearchBar>
      <ReplyErrors result={reply?.intent === "delete" ? reply.result : null} />
      {reply?.confirm ? (
        <div className="-mt-2 mb-4">
          <RowAction intent="delete" values={{ id: reply.confirm.id, name: reply.confirm.name, confirm: "on" }} label="确认删除" button />
        </div>
      ) : null}
      {editing || adding ? <RoleForm /> : null}
      <PagedTable caption="角色" numbered columns={columns(search)} result={result} rowKey={(r) => r.id} />
    </div>
  );
}
