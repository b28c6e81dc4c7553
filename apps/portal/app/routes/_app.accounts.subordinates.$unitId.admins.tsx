import type { SubordinateAdminRow } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { Notice } from "../components/Notice.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const LIST = "/accounts/subordinates";

// 管理下级单位 › 管理员信息: 姓名 证件号 手机 电子邮箱 操作 (删除 takes the admin rights only).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { me, api, here } = await requirePage(request, context, LIST);
  const unitId = params.unitId ?? "";
  const [unit, admins] = await Promise.all([api.identity.units.detail.query({ unitId }), api.identity.units.admins.query({ unitId })]).catch((e) =>
    rethrowServiceError(request, e),
  );
  return {
    trail: [here.section.label, here.page.label, "管理员信息"],
    unit: { id: unit.id, name: unit.name },
    admins,
    canDelete: me.permissions.includes("subordinate.manage"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, LIST);
  const form = await readTextForm(request);
  try {
    await api.identity.units.removeAdmin.mutate({ unitId: params.unitId ?? "", adminId: String(form.get("adminId") ?? "") });
    return { ok: true, message: `已删除${String(form.get("name") ?? "")}的管理员权限` };
  } catch (error) {
    return data({ ok: false, message: toFormErrors(error, []).formErrors.join("；") }, { status: 400 });
  }
}

function columns(canDelete: boolean): Column<SubordinateAdminRow>[] {
  return [
    { header: "姓名", cell: (a) => (a.isSuper ? `${a.name}（超级管理员）` : a.name) },
    { header: "证件号", cell: (a) => a.idNumberMasked, className: "font-mono" },
    { header: "手机", cell: (a) => a.phoneMasked ?? "", className: "font-mono" },
    { header: "电子邮箱", cell: (a) => a.email ?? "" },
    {
      header: "操作",
      className: "w-24 text-center",
      cell: (a) =>
        canDelete && !a.isSuper ? (
          <Form method="post" onSubmit={(e) => (!window.confirm(`确定删除${a.name}的管理员权限吗？`) ? e.preventDefault() : undefined)}>
            <input type="hidden" name="adminId" value={a.adminId} />
            <input type="hidden" name="name" value={a.name} />
            <button type="submit" className="text-blue-700 hover:underline">
              删除
            </button>
          </Form>
        ) : null,
    },
  ];
}

export default function SubordinateAdminsPage() {
  const { trail, unit, admins, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-3 text-sm text-gray-700">单位：{unit.name}</p>
      {actionData ? (
        <div className="mb-4">
          <Notice tone={actionData.ok ? "success" : "error"}>{actionData.message}</Notice>
        </div>
      ) : null}
      <DataTable caption="管理员信息" columns={columns(canDelete)} rows={admins} rowKey={(a) => a.adminId} />
      <div className="mt-4 text-sm">
        <Link to={LIST} className="text-gray-600 hover:underline">
          返回
        </Link>
      </div>
    </div>
  );
}
