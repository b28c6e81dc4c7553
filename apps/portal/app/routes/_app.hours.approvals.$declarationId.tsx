import { ApproveInput, type BatchOutcome, RejectInput, startingRecognized } from "@ce/contracts";
import { FormProvider, getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ConfirmSubmit } from "../components/ConfirmDialog.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, FormErrors, inputBase, questionWhenValid, useSchemaForm } from "../components/forms.tsx";
import { DeclarationDetails } from "../components/hours/DeclarationDetails.tsx";
import { RejectReasonSelect } from "../components/hours/RejectReasonSelect.tsx";
import { Notice } from "../components/Notice.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { invalid, refused } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

const PATH = "/hours/approvals";

// 学时审批 › 审核: one declaration with its computation and proof; approve with 认定学时 or reject with a reason.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const declaration = await api.hours.declarations.get.query({ declarationId: params.declarationId ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "审核"], declaration };
}

/**
 * 审核通过 (认定学时, 调减说明 when lowered) or 驳回 (驳回原因, 驳回说明) of the declaration in the
 * address: the form of `intent` parsed with its contracts schema; a refusal comes back to that form
 * (another admin deciding first is a CONFLICT naming the record), a success returns to the list
 * with a flash.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const { form, intent } = await readIntentForm(request);
  form.set("declarationId", params.declarationId ?? "");
  const decideWith = async <S extends typeof ApproveInput | typeof RejectInput>(
    intent: "approve" | "reject",
    schema: S,
    decide: (value: z.output<S>) => Promise<BatchOutcome>,
    done: string,
  ) => {
    const submission = parseWithZod(form, { schema, error: zhErrorMap });
    if (submission.status !== "success") return invalid(submission, {}, { intent });
    let outcome: BatchOutcome;
    try {
      outcome = await decide(submission.value as z.output<S>);
    } catch (error) {
      return refused(request, submission, error, { fields: ["recognizedHours", "reason", "reasonCode"] }, { intent });
    }
    return redirectWithFlash(PATH, `${outcome.decided.map((d) => d.label).join("、")}${done}`);
  };
  return intent === "reject"
    ? decideWith("reject", RejectInput, (v) => api.hours.approvals.reject.mutate(v as z.output<typeof RejectInput>), "已驳回")
    : decideWith("approve", ApproveInput, (v) => api.hours.approvals.approve.mutate(v as z.output<typeof ApproveInput>), "已审核通过");
}

export default function ApprovalPage() {
  const { trail, declaration: d } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // A level starts from the current 认定学时 (the lower level's figure, or the computed default) and may only lower it;
  // the input has no `max`, so a raise gets the service's Chinese message rather than the browser's.
  const current = startingRecognized(d);
  const [approveForm, approve] = useSchemaForm(ApproveInput, {
    id: "approve",
    lastResult: reply?.intent === "approve" ? reply.result : null,
    defaultValue: { declarationId: d.id, recognizedHours: String(current) },
    validate: "onSubmit",
  });
  const [rejectForm, reject] = useSchemaForm(RejectInput, { id: "reject", lastResult: reply?.intent === "reject" ? reply.result : null, validate: "onSubmit" });
  const { key: hoursKey, ...hoursProps } = getInputProps(approve.recognizedHours, { type: "number" });
  const { key: adjustKey, ...adjustProps } = getInputProps(approve.reason, { type: "text" });
  const { key: explainKey, ...explainProps } = getInputProps(reject.reason, { type: "text" });
  return (
    <div>
      <Breadcrumbs trail={trail} />
      {d.flags.length > 0 ? (
        <div className="mb-4 max-w-3xl">
          <Notice tone="warning">异常提示：{d.flags.join("；")}，请核对后再审核。</Notice>
        </div>
      ) : null}
      <DeclarationDetails d={d} />
      {d.status === "PENDING" ? (
        <div className="mt-6 max-w-3xl space-y-4">
          <FormErrors id={approveForm.errorId} errors={approveForm.errors} />
          <FormErrors id={rejectForm.errorId} errors={rejectForm.errors} />
          <Form method="post" {...getFormProps(approveForm)} key={approveForm.id} className="flex flex-wrap items-start gap-3 text-sm">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="declarationId" value={d.id} />
            <label htmlFor="recognizedHours" className="pt-2 text-gray-700">
              认定学时:
            </label>
            <div>
              <input key={hoursKey} {...hoursProps} id="recognizedHours" min={0} max={undefined} className={`${inputBase} w-28`} />
              <ErrorList id={approve.recognizedHours.errorId} errors={approve.recognizedHours.errors} />
            </div>
            <div>
              <input
                key={adjustKey}
                {...adjustProps}
                aria-label="调减说明"
                placeholder={`调减说明（认定学时低于${current}时必填）`}
                maxLength={200}
                className={`${inputBase} w-72`}
              />
              <ErrorList id={approve.reason.errorId} errors={approve.reason.errors} />
            </div>
            <button type="submit" className={buttonClass} disabled={busy}>
              审核通过
            </button>
          </Form>
          <FormProvider context={rejectForm.context}>
            <Form method="post" {...getFormProps(rejectForm)} key={rejectForm.id} className="flex flex-wrap items-start gap-3 text-sm">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="declarationId" value={d.id} />
              <RejectReasonSelect />
              <div>
                <input key={explainKey} {...explainProps} aria-label="驳回说明" placeholder="驳回说明" maxLength={200} className={`${inputBase} w-64`} />
                <ErrorList id={reject.reason.errorId} errors={reject.reason.errors} />
              </div>
              <ConfirmSubmit
                label="驳回"
                question={questionWhenValid(RejectInput, () => `确定驳回${d.professionalName}的申报“${d.className}”吗？驳回后申报人需重新申报。`)}
                className={`${buttonClass} bg-red-700 hover:bg-red-800`}
                disabled={busy}
              />
            </Form>
          </FormProvider>
        </div>
      ) : null}
    </div>
  );
}
