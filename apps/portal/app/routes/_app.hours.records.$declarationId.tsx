import { DeclarationIdInput } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FormErrors, replyMessages } from "../components/forms.tsx";
import { DeclarationDetails } from "../components/hours/DeclarationDetails.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/hours/records";

async function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const { me, api, here } = await requirePage(request, context, PATH);
  return { me, api, here };
}

// 查看申报记录 › 详细: the claim, how its hours were computed, its attachments.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { me, api, here } = await signedIn(request, context);
  const declaration = await api.hours.declarations.get.query({ declarationId: params.declarationId ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "详细"], declaration, canWithdraw: me.userType === "PROFESSIONAL" && declaration.status === "PENDING" };
}

// 撤回: a professional takes back their own pending declaration; the page then shows it withdrawn.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await signedIn(request, context);
  return formAction(request, DeclarationIdInput, {}, async (value) => {
    await api.hours.declarations.withdraw.mutate(value);
    return redirectWithFlash(samePage(request), "申报已撤回");
  });
}

export default function DeclarationPage() {
  const { trail, declaration, canWithdraw } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <DeclarationDetails d={declaration} />
      {canWithdraw ? (
        <div className="mt-6 space-y-2">
          <FormErrors errors={replyMessages(actionData?.result)} />
          <RowAction
            intent="withdraw"
            values={{ declarationId: declaration.id }}
            label="撤回申报"
            confirm={`确定撤回${declaration.professionalName}的申报“${declaration.className}”（${declaration.requestedHours}学时）吗？撤回后如需认定须重新申报。`}
            button
          />
        </div>
      ) : null}
    </div>
  );
}
