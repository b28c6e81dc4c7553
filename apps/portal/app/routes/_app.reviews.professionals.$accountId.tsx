import { formatDateTime, registrationStatusLabels } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { applicantFacts, professionalFacts } from "../components/ApplicantFacts.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { DecideOne } from "../components/DecideOne.tsx";
import { FactList } from "../components/FactList.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { classifyError, failureStatus, toFormErrors, uuidParam } from "../utils/errors.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/professionals";

async function signedIn(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const user = await requirePage(request, context, PATH);
  const here = user.here;
  return { ...user, here, accountId: uuidParam(params, "accountId") };
}

// 审核注册人员 › 详细: one person's registration, masked; 显示完整信息 for holders of pii.unmask.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { me, api, here, accountId } = await signedIn(request, context, params);
  // Before the registration is read: 审核通过 / 驳回 here decide only what this page shows (ReviewDecisionInput.seenAt).
  const seenAt = new Date().toISOString();
  const person = await api.identity.review.professional.query({ accountId }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "详细"], person, canUnmask: me.permissions.includes("pii.unmask"), seenAt };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api, accountId } = await signedIn(request, context, params);
  try {
    const clear = await api.identity.professionals.revealPii.mutate({ accountId, fields: ["idNumber", "phone"], purpose: "审核注册人员" });
    return { clear, message: null };
  } catch (error) {
    // The one error path: an expired session to /login, else the message (系统繁忙 logged) with the failure's own status.
    const failure = classifyError(error);
    if (failure.kind === "unauthorized") return rethrowServiceError(request, error);
    return data({ clear: null, message: toFormErrors(error, []).formErrors.join("；") }, { status: failureStatus(failure) });
  }
}

export default function ProfessionalDetailPage() {
  const { trail, person, canUnmask, seenAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const rows: [string, ReactNode][] = [
    ...applicantFacts(person, reply?.clear),
    ...professionalFacts(person),
    ["注册时间", formatDateTime(person.registeredAt)],
    ["审核状态", registrationStatusLabels[person.status]],
  ];
  return (
    <div className="max-w-3xl">
      <Breadcrumbs trail={trail} />
      {reply?.message ? (
        <div className="mb-3">
          <Notice tone="error">{reply.message}</Notice>
        </div>
      ) : null}
      <FactList facts={rows} look="wide" />
      {person.status === "PENDING" ? (
        <DecideOne
          id={person.accountId}
          action={`${PATH}?index`}
          labels={{ approve: "审核通过", reject: "驳回" }}
          what={`${person.name}的注册申请`}
          seenAt={seenAt}
        />
      ) : null}
      <div className="mt-4 flex items-center gap-4">
        {canUnmask && !reply?.clear ? (
          <Form method="post">
            <button type="submit" className={buttonClass}>
              显示完整信息
            </button>
          </Form>
        ) : null}
        <Link to={PATH} className="text-sm text-blue-700 hover:underline">
          返回
        </Link>
      </div>
    </div>
  );
}
