import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { applicantFacts } from "../components/ApplicantFacts.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { DecideOne } from "../components/DecideOne.tsx";
import { FactList } from "../components/FactList.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { uuidParam } from "../utils/errors.server.ts";
import { requireDetailPage } from "../utils/session.server.ts";

const PATH = "/reviews/profile-changes";

// 审核人员信息修改 › 查看变更明细: the applicant (masked, as on every review page) and each changed field, old → new (phones masked on both sides);
// a pending request is decided here too (通过 / 驳回 with its 原因: DecideOne, answered by the list's action with its flash).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { trail, detail } = await requireDetailPage(request, context, PATH, "查看变更明细", (api) =>
    api.identity.profileChanges.detail.query({ id: uuidParam(params, "id") }),
  );
  return { trail, detail };
}

type Item = { field: string; label: string; old: string | null; new: string | null };

export default function ProfileChangeDetailPage() {
  const { trail, detail } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <Breadcrumbs trail={trail} />
      <div className="mb-4">
        <FactList facts={[...applicantFacts(detail), ["所在单位", detail.unitName]]} />
      </div>
      <DataTable<Item>
        caption="变更明细"
        columns={[
          { header: "变更项目", cell: (i) => i.label, className: "whitespace-nowrap" },
          { header: "原信息", cell: (i) => i.old ?? "" },
          { header: "变更后信息", cell: (i) => i.new ?? "" },
        ]}
        rows={detail.items}
        rowKey={(i) => i.field}
      />
      {detail.status === "PENDING" ? (
        <DecideOne id={detail.id} action={`${PATH}?index`} labels={{ approve: "通过", reject: "驳回" }} what={`${detail.name}的信息修改申请`} />
      ) : null}
      <p className="mt-4 text-sm">
        <TextLink to={PATH}>返回</TextLink>
      </p>
    </div>
  );
}
