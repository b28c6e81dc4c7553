import { codeText, formatDateTime, industryName, regionName, registrationStatusLabels, unitNatureLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { applicantFacts } from "../components/ApplicantFacts.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { CodeMismatchNote } from "../components/CreditCodeConfirm.tsx";
import { DecideOne } from "../components/DecideOne.tsx";
import { FactList } from "../components/FactList.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { uuidParam } from "../utils/errors.server.ts";
import { requireDetailPage } from "../utils/session.server.ts";

const PATH = "/reviews/employers";

// 审核用人单位 › 详细: the unit as registered and the applicant who becomes its 超级管理员 (masked), with 通过 / 不通过.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { trail, detail } = await requireDetailPage(request, context, PATH, "详细", (api) =>
    api.identity.review.employer.query({ unitId: uuidParam(params, "unitId") }),
  );
  return { trail, unit: detail };
}

export default function EmployerReviewDetailPage() {
  const { trail, unit } = useLoaderData<typeof loader>();
  const unitFacts: [string, ReactNode][] = [
    ["单位名称", unit.name],
    ["单位性质", unitNatureLabels[unit.nature]],
    ["所属行业", codeText(industryName, unit.industry)],
    ["地区", codeText(regionName, unit.region)],
    [
      "机构代码/统一社会信用代码",
      <>
        <span className="font-mono">{unit.code ?? ""}</span>
        <CodeMismatchNote mismatch={unit.codeCheckMismatch} />
      </>,
    ],
    ["上级主管部门", unit.superiorName ?? ""],
    ["注册时间", formatDateTime(unit.registeredAt)],
    ["审核状态", registrationStatusLabels[unit.status]],
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <Breadcrumbs trail={trail} />
      <section aria-labelledby="unit-facts">
        <h2 id="unit-facts" className="mb-2 text-sm font-semibold text-gray-800">
          单位信息
        </h2>
        <FactList facts={unitFacts} look="wide" />
      </section>
      <section aria-labelledby="super-admin-facts">
        <h2 id="super-admin-facts" className="mb-2 text-sm font-semibold text-gray-800">
          超级管理员（申请人）
        </h2>
        {unit.superAdmin ? <FactList facts={applicantFacts(unit.superAdmin)} look="wide" /> : <p className="text-sm text-gray-700">该单位没有超级管理员。</p>}
      </section>
      {unit.status === "PENDING" ? (
        <DecideOne id={unit.id} action={`${PATH}?index`} labels={{ approve: "通过", reject: "不通过" }} what={`用人单位“${unit.name}”的注册申请`} />
      ) : null}
      <p className="text-sm">
        <TextLink to={PATH}>返回</TextLink>
      </p>
    </div>
  );
}
