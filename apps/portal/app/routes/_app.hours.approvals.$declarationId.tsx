import { ApproveInput, RejectInput, rejectReasons } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, FormErrors, inputBase } from "../components/forms.tsx";
import { DeclarationDetails } from "../components/hours/DeclarationDetails.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { typedBack, typedOr } from "../utils/typed-back.ts";

const PATH = "/hours/approvals";

async function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const { api, here } = await requirePage(request, context, PATH);
  return { api, here };
}

// 学时审批 › 审核: one declaration with its computation and proof; approve with 认定学时 or reject with a reason.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await signedIn(request, context);
  const declaration = await api.hours.declarations.get.query({ declarationId: params.declarationId ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "审核"], declaration };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await signedIn(request, context);
  const form = await readTextForm(request);
  const declarationId = params.declarationId ?? "";
  const approving = form.get("intent") !== "reject";
  // What the refused form held comes back with the errors (typed-back.ts).
  const typed = approving ? typedBack(form, "approve", ["recognizedHours", "adjustReason"]) : typedBack(form, "reject", ["reasonCode", "reason"]);
  const fail = (fieldErrors: Record<string, string[]>, formErrors: string[] = []) => data({ fieldErrors, formErrors, typed }, { status: 400 });
  try {
    if (!approving) {
      const input = RejectInput.safeParse({ declarationId, reasonCode: form.get("reasonCode") || undefined, reason: String(form.get("reason") ?? "") });
      if (!input.success) return fail(Object.fromEntries(input.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      await api.hours.approvals.reject.mutate(input.data);
    } else {
      const input = ApproveInput.safeParse({
        declarationId,
        recognizedHours: form.get("recognizedHours") || undefined,
        reason: String(form.get("adjustReason") ?? "") || undefined,
      });
      if (!input.success)
        return fail(Object.fromEntries(input.error.issues.map((i) => [i.path[0] === "reason" ? "adjustReason" : String(i.path[0]), [i.message]])));
      await api.hours.approvals.approve.mutate(input.data);
    }
  } catch (error) {
    // The approval's 调减说明 and the rejection's 驳回说明 are both `reason` to the service.
    const { fieldErrors, formErrors } = toFormErrors(
      error,
      ["recognizedHours", "adjustReason", "reasonCode", "reason"],
      approving ? { reason: "adjustReason" } : {},
    );
    return fail(fieldErrors, formErrors);
  }
  throw redirect(PATH);
}

export default function ApprovalPage() {
  const { trail, declaration: d } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {};
  const typed = (part: string, name: string, fallback: string) => typedOr(actionData?.typed, part, name, fallback);
  // A level starts from the current 认定学时 (the lower level's figure, or the computed default) and may only lower it;
  // the input has no `max`, so a raise gets the service's Chinese message rather than the browser's.
  const current = d.recognizedHours ?? Math.min(d.requestedHours, d.computedHours);
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <DeclarationDetails d={d} />
      {d.status === "PENDING" ? (
        <div className="mt-6 max-w-3xl space-y-4">
          <FormErrors errors={actionData?.formErrors} />
          <Form method="post" className="flex flex-wrap items-start gap-3 text-sm">
            <label htmlFor="recognizedHours" className="pt-2 text-gray-700">
              认定学时:
            </label>
            <div>
              <input
                id="recognizedHours"
                name="recognizedHours"
                type="number"
                min={0}
                defaultValue={typed("approve", "recognizedHours", String(current))}
                className={`${inputBase} w-28`}
              />
              <ErrorList errors={errors.recognizedHours} />
            </div>
            <div>
              <input
                name="adjustReason"
                defaultValue={typed("approve", "adjustReason", "")}
                aria-label="调减说明"
                placeholder={`调减说明（认定学时低于${current}时必填）`}
                maxLength={200}
                className={`${inputBase} w-72`}
              />
              <ErrorList errors={errors.adjustReason} />
            </div>
            <button type="submit" name="intent" value="approve" className={buttonClass} disabled={busy}>
              审核通过
            </button>
          </Form>
          <Form method="post" className="flex flex-wrap items-start gap-3 text-sm">
            <div>
              <select name="reasonCode" aria-label="驳回原因" defaultValue={typed("reject", "reasonCode", "")} className={`${inputBase} w-56`}>
                <option value="">请选择驳回原因</option>
                {rejectReasons.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
              </select>
              <ErrorList errors={errors.reasonCode} />
            </div>
            <div>
              <input
                name="reason"
                defaultValue={typed("reject", "reason", "")}
                aria-label="驳回说明"
                placeholder="驳回说明"
                maxLength={200}
                className={`${inputBase} w-64`}
              />
              <ErrorList errors={errors.reason} />
            </div>
            <button type="submit" name="intent" value="reject" className={`${buttonClass} bg-red-700 hover:bg-red-800`} disabled={busy}>
              驳回
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
