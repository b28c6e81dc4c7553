import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors } from "../components/forms.tsx";
import { DeclarationDetails } from "../components/hours/DeclarationDetails.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
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

// 撤回: a professional takes back their own pending declaration.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await signedIn(request, context);
  try {
    await api.hours.declarations.withdraw.mutate({ declarationId: params.declarationId ?? "" });
  } catch (error) {
    return data(toFormErrors(error, []), { status: 400 });
  }
  throw redirect(`${PATH}/${params.declarationId}`);
}

export default function DeclarationPage() {
  const { trail, declaration, canWithdraw } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <DeclarationDetails d={declaration} />
      {canWithdraw ? (
        <Form method="post" className="mt-6 space-y-2">
          <FormErrors errors={actionData?.formErrors} />
          <button type="submit" className={buttonClass}>
            撤回申报
          </button>
        </Form>
      ) : null}
    </div>
  );
}
