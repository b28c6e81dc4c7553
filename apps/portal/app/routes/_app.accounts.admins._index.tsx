import { type AdminRow, AdminTarget, AssignRolesInput, adminStatusLabels, ListAdminsInput, SetAdminStatusInput } from "@ce/contracts";
import { getCollectionProps, getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, FormErrors, FormPanel, ReplyErrors, useSchemaForm } from "../components/forms.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { destroySessionCookie, requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const PATH = "/accounts/admins";

// 管理直属账户 › 管理单位管理员: the unit's admins; ?roles=<admin id> opens 分配角色.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, api, here } = await requirePage(request, context, PATH);
  const search = new URL(request.url).searchParams;
  const input = parseListQuery(ListAdminsInput, search);
  const [result, options] = await Promise.all([api.identity.admins.list.query(input), api.identity.admins.options.query()]).catch((e) =>
    rethrowServiceError(request, e),
  );
  const assigning = result.items.find((a) => a.id === search.get("roles")) ?? null;
  return {
    trail: [here.section.label, here.page.label],
    filters: { name: input.name ?? "" },
    result,
    roles: options.roles,
    assigning,
    isSuper: me.isSuperAdmin,
    myAccountId: me.accountId,
  };
}

/** 分配角色: the ticked roles of one admin. */
const AssignRolesForm = AssignRolesInput.extend({ intent: z.literal("roles"), name: ShownName });
/** One schema per intent: 分配角色, 启用/禁用, and the one-button 设为超级管理员, 删除, 重置密码. */
const AdminAction = z.discriminatedUnion("intent", [
  AssignRolesForm,
  SetAdminStatusInput.extend({ intent: z.literal("status"), name: ShownName }),
  AdminTarget.extend({ intent: z.enum(["setSuper", "remove", "resetPassword"]), name: ShownName }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const { form, intent } = await readIntentForm(request);
  const admins = api.identity.admins;
  return formAction(request, AdminAction, { form, fields: ["roleIds"], extra: () => ({ intent }) }, async (v) => {
    const { name, adminId } = v;
    switch (v.intent) {
      case "roles":
        await admins.assignRoles.mutate({ adminId, roleIds: v.roleIds });
        return redirectWithFlash(samePage(request), `已为${name}分配角色，该管理员下次登录后生效`);
      case "status":
        await admins.setStatus.mutate({ adminId, status: v.status });
        return redirectWithFlash(samePage(request), `已${adminStatusLabels[v.status]}管理员${name}`);
      case "setSuper": {
        await admins.setSuper.mutate({ adminId });
        // The former super admin (this user) has just lost its admin rights and its session.
        const headers = { "Set-Cookie": await destroySessionCookie(request) };
        return redirectWithFlash("/login", `已将${name}设为超级管理员，您的管理员权限已删除`, { headers });
      }
      case "remove":
        await admins.remove.mutate({ adminId });
        return redirectWithFlash(samePage(request), `已删除${name}的管理员权限`);
      case "resetPassword": {
        const { temporaryPassword } = await admins.resetPassword.mutate({ adminId });
        return redirectWithFlash(samePage(request), `已重置${name}的密码，临时密码（仅显示一次）：${temporaryPassword}`);
      }
    }
  });
}

function columns(search: string, viewer: { isSuper: boolean; myAccountId: string }): Column<AdminRow>[] {
  const rolesHref = (id: string) => {
    const params = new URLSearchParams(search);
    params.set("roles", id);
    return `?${params.toString()}`;
  };
  const target = (a: AdminRow) => ({ adminId: a.id, name: a.name });
  return [
    {
      header: "姓名",
      className: "whitespace-nowrap",
      cell: (a) => (
        <span>
          {a.name}
          {a.isSuper ? <span className="ml-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs text-orange-700">超级管理员</span> : null}
        </span>
      ),
    },
    { header: "证件号", cell: (a) => a.idNumberMasked, className: "whitespace-nowrap font-mono" },
    { header: "手机", cell: (a) => a.phoneMasked ?? "", className: "whitespace-nowrap font-mono" },
    { header: "电子邮箱", cell: (a) => a.email ?? "" },
    { header: "工作部门", cell: (a) => a.departmentName ?? "", className: "whitespace-nowrap" },
    { header: "角色", cell: (a) => (a.isSuper ? "全部权限" : a.roles.map((r) => r.name).join("、")) },
    { header: "状态", cell: (a) => adminStatusLabels[a.status], className: "whitespace-nowrap text-center" },
    {
      header: "操作",
      className: "whitespace-nowrap text-center",
      cell: (a) =>
        a.isSuper || a.accountId === viewer.myAccountId ? null : (
          <span className="space-x-2 text-xs">
            {viewer.isSuper && a.status === "ACTIVE" ? (
              <RowAction
                intent="setSuper"
                values={target(a)}
                label="设为超级管理员"
                confirm={`确定将${a.name}设为超级管理员吗？设置后您的管理员权限将被自动删除。`}
              />
            ) : null}
            {viewer.isSuper ? <RowAction intent="resetPassword" values={target(a)} label="重置密码" confirm={`确定重置${a.name}的密码吗？`} /> : null}
            {viewer.isSuper ? (
              <RowAction
                intent="status"
                values={{ ...target(a), status: a.status === "ACTIVE" ? "DISABLED" : "ACTIVE" }}
                label={a.status === "ACTIVE" ? "禁用" : "启用"}
                confirm={a.status === "ACTIVE" ? `确定禁用管理员${a.name}吗？禁用后该管理员不能登录。` : undefined}
              />
            ) : null}
            <RowAction intent="remove" values={target(a)} label="删除" confirm={`确定删除${a.name}的管理员权限吗？账户本身会保留。`} />
            <TextLink to={rolesHref(a.id)}>分配角色</TextLink>
          </span>
        ),
    },
  ];
}

function AssignRoles() {
  const { assigning, roles } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  const [form, fields] = useSchemaForm(AssignRolesForm, {
    id: `assign-roles-${assigning?.id ?? "none"}`,
    lastResult: reply?.intent === "roles" ? reply.result : null,
    defaultValue: { roleIds: assigning?.roles.map((r) => r.id) ?? [] },
  });
  if (!assigning) return null;
  const params = new URLSearchParams(search);
  params.delete("roles");
  return (
    <FormPanel label="分配角色" title={`分配角色：${assigning.name}`} className="max-w-xl">
      <Form method="post" action={`${PATH}?${params.toString()}`} {...getFormProps(form)} key={form.id} className="space-y-3">
        <input type="hidden" name="intent" value="roles" />
        <input type="hidden" name="adminId" value={assigning.id} />
        <input type="hidden" name="name" value={assigning.name} />
        {roles.length === 0 ? <p className="text-gray-500">本单位还没有角色，请先在“角色管理”中添加。</p> : null}
        <div className="flex flex-wrap gap-4">
          {getCollectionProps(fields.roleIds, { type: "checkbox", options: roles.map((r) => r.id) }).map(({ key, ...props }) => (
            <label key={key} className="inline-flex items-center gap-1">
              <input {...props} />
              {roles.find((r) => r.id === props.value)?.name}
            </label>
          ))}
        </div>
        <ErrorList id={fields.roleIds.errorId} errors={fields.roleIds.errors} />
        <p className="text-xs text-gray-500">角色的变更在该管理员下次登录后生效。</p>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="space-x-3">
          <button type="submit" className={buttonClass}>
            保存
          </button>
          <Link to={`${PATH}?${params.toString()}`} className="text-gray-600 hover:underline">
            取消
          </Link>
        </div>
      </Form>
    </FormPanel>
  );
}

export default function AdminsPage() {
  const { trail, filters, result, isSuper, myAccountId } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar add={{ to: `${PATH}/new`, label: "新增管理员" }}>
        <Filter label="姓名" name="name" value={filters.name} maxLength={50} />
      </SearchBar>
      <ReplyErrors result={reply?.intent === "roles" ? null : reply?.result} />
      <AssignRoles />
      <PagedTable caption="单位管理员" columns={columns(search, { isSuper, myAccountId })} result={result} rowKey={(a) => a.id} />
    </div>
  );
}
