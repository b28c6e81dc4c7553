import { calendarDate, describeHourRule, editedRule, FormVersionEdit, type LearningForm, Subject, subjectLabels, systemClock } from "@ce/contracts";
import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { ErrorList, Field, FormErrors, inputClass, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { ProvinceOnlyNotice } from "../components/hours/ProvinceOnlyNotice.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requireFormsViewer } from "../utils/province.server.ts";
import { rethrowServiceError } from "../utils/session.server.ts";

const FIELDS = ["hint", "subjects", "effectiveFrom", "capPerYear", "capPerItem", "hoursPerDay", "hoursPerItem", "perHour", "rule"] as const;

// "Today" on the platform's Beijing calendar, as the hours service judges 生效日期.
const today = () => calendarDate(systemClock());

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here, allowed } = await requireFormsViewer(request, context);
  const trail = [here.section.label, here.page.label, "编辑学习形式"];
  if (!allowed) return { trail, allowed, form: null, today: today() };
  const form = await api.hours.forms.get.query({ code: params.code ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail, allowed, form, today: today() };
}

// Saved: back to 学习形式管理 with the flash naming the new version. The hours service refuses a
// 生效日期 before today (by the field).
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api, allowed } = await requireFormsViewer(request, context);
  if (!allowed) throw data({ message: "仅省级主管部门可维护学习形式" }, { status: 403 });
  const code = params.code ?? "";
  const options = { fields: FIELDS, aliases: { name: "hint", fields: "rule" } };
  return formAction(request, FormVersionEdit, options, async (v, _form, submission) => {
    const current = await api.hours.forms.get.query({ code }).catch((e) => rethrowServiceError(request, e));
    const edited = editedRule(current.rule, v);
    if ("errors" in edited) return data({ result: submission.reply({ fieldErrors: edited.errors }) }, { status: 400 });
    const saved = await api.hours.forms.update.mutate({
      code,
      effectiveFrom: v.effectiveFrom,
      name: current.name,
      fields: current.fields,
      hint: v.hint ?? "",
      subjects: v.subjects,
      rule: edited.rule,
    });
    return redirectWithFlash("/hours/forms", `已保存“${saved.name}”的新版本（第${saved.version}版），自${saved.effectiveFrom}起生效。已认定的记录不受影响。`);
  });
}

export default function EditFormPage() {
  const { trail, allowed, form: current, today } = useLoaderData<typeof loader>();
  if (!allowed || !current) {
    return (
      <div>
        <Breadcrumbs trail={trail} />
        <ProvinceOnlyNotice />
      </div>
    );
  }
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <EditForm_ current={current} today={today} />
    </div>
  );
}

function num(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function EditForm_({ current, today }: { current: LearningForm; today: string }) {
  const actionData = useActionData<typeof action>();
  const rule = current.rule;
  const [form, fields] = useSchemaForm(FormVersionEdit, {
    id: `form-${current.code}`,
    lastResult: actionData?.result,
    defaultValue: {
      hint: current.hint,
      subjects: current.subjects,
      effectiveFrom: today,
      capPerYear: num(rule.capPerYear),
      capPerItem: "capPerItem" in rule ? num(rule.capPerItem) : "",
      hoursPerDay: rule.kind === "PER_DAY" ? num(rule.hoursPerDay) : "",
      hoursPerItem: rule.kind === "PER_ITEM" ? num(rule.hoursPerItem) : "",
      perHour: rule.kind === "RATIO" ? num(rule.perHour) : "",
      ranks: rule.kind === "RANK" ? rule.ranks.map((r) => ({ hours: num(r.hours), paperBonus: num(r.paperBonus) })) : undefined,
    },
  });
  const fieldErrors = (form.allErrors ?? {}) as Record<string, string[] | undefined>;
  const numberInput = (name: "capPerYear" | "capPerItem" | "hoursPerDay" | "hoursPerItem" | "perHour", label: string, required: boolean, unit = "学时") => {
    const f = fields[name];
    return (
      <Field label={label} htmlFor={f.id} required={required} errors={f.errors} errorId={f.errorId}>
        <div className="flex items-center gap-2">
          <input
            type="number"
            step="0.5"
            min="0"
            id={f.id}
            name={f.name}
            defaultValue={String(f.initialValue ?? "")}
            className={`${inputClass} max-w-40`}
            aria-invalid={!f.valid || undefined}
            aria-describedby={f.errors ? f.errorId : undefined}
          />
          <span className="text-sm text-gray-600">{unit}</span>
        </div>
      </Field>
    );
  };
  const subjectChoices = Subject.options;
  const chosenSubjects = new Set((fields.subjects.initialValue as string[] | string | undefined) ?? []);

  return (
    <div className="max-w-3xl">
      <h1 className="mb-1 text-lg font-semibold text-gray-900">{`编辑学习形式：${current.name}`}</h1>
      <p className="mb-4 text-sm text-gray-600">{`当前为第${current.version}版，自${current.effectiveFrom}起生效：${describeHourRule(current.rule)}。保存后生成新版本。`}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="提示文字" htmlFor={fields.hint.id} errors={fields.hint.errors} errorId={fields.hint.errorId}>
          <textarea
            id={fields.hint.id}
            name={fields.hint.name}
            defaultValue={String(fields.hint.initialValue ?? "")}
            rows={2}
            maxLength={200}
            className={inputClass}
            aria-invalid={!fields.hint.valid || undefined}
          />
        </Field>
        <Field label="计入科目" htmlFor={`${fields.subjects.id}-GENERAL`} required errors={fields.subjects.errors} errorId={fields.subjects.errorId}>
          <div className="flex gap-6 pt-2">
            {subjectChoices.map((s) => (
              <label key={s} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" id={`${fields.subjects.id}-${s}`} name={fields.subjects.name} value={s} defaultChecked={chosenSubjects.has(s)} />
                {subjectLabels[s]}
              </label>
            ))}
          </div>
        </Field>
        <fieldset className="space-y-4 rounded border border-gray-200 p-4">
          <legend className="px-1 text-sm font-medium text-gray-700">学时规则</legend>
          {rule.kind === "ACTUAL" ? numberInput("capPerItem", "每项上限", true) : null}
          {rule.kind === "PER_DAY" ? (
            <>
              {numberInput("hoursPerDay", "每天学时", true, "学时（半天按一半计）")}
              {numberInput("capPerItem", "每项上限", false)}
            </>
          ) : null}
          {rule.kind === "PER_ITEM" ? numberInput("hoursPerItem", "每项学时", true) : null}
          {rule.kind === "RATIO" ? (
            <>
              {numberInput("perHour", "每授课1小时计", true)}
              {numberInput("capPerItem", "每项上限", false)}
            </>
          ) : null}
          {rule.kind === "RANK"
            ? rule.ranks.map((r, i) => {
                const hoursErr = fieldErrors[`ranks[${i}].hours`];
                const bonusErr = fieldErrors[`ranks[${i}].paperBonus`];
                return (
                  <Field key={r.code} label={r.label} htmlFor={`rank-${i}-hours`} required errors={[...(hoursErr ?? []), ...(bonusErr ?? [])]}>
                    <div className="flex items-center gap-2">
                      <input
                        type="number"
                        step="0.5"
                        min="0"
                        id={`rank-${i}-hours`}
                        name={`ranks[${i}].hours`}
                        defaultValue={num(r.hours)}
                        aria-label={`${r.label}学时`}
                        className={`${inputClass} max-w-28`}
                      />
                      <span className="text-sm text-gray-600">学时，提交论文加</span>
                      <input
                        type="number"
                        step="0.5"
                        min="0"
                        name={`ranks[${i}].paperBonus`}
                        defaultValue={num(r.paperBonus)}
                        aria-label={`${r.label}论文加学时`}
                        className={`${inputClass} max-w-28`}
                      />
                      <span className="text-sm text-gray-600">学时</span>
                    </div>
                  </Field>
                );
              })
            : null}
          {numberInput("capPerYear", "每年上限", false)}
          <ErrorList errors={fieldErrors.rule} />
          <p className="text-xs text-gray-500">每年上限留空表示不限。</p>
        </fieldset>
        <Field label="生效日期" htmlFor={fields.effectiveFrom.id} required errors={fields.effectiveFrom.errors} errorId={fields.effectiveFrom.errorId}>
          <input
            type="date"
            id={fields.effectiveFrom.id}
            name={fields.effectiveFrom.name}
            min={today}
            defaultValue={String(fields.effectiveFrom.initialValue ?? today)}
            className={`${inputClass} max-w-44`}
            aria-invalid={!fields.effectiveFrom.valid || undefined}
          />
          <p className="mt-1 text-xs text-gray-500">生效日期须为今天或以后；自该日起新的申报按新版本计算，已认定的记录不受影响。</p>
        </Field>
        <SubmitRow label="保存">
          <Link to="/hours/forms" className="text-sm text-blue-700 hover:underline">
            返回
          </Link>
        </SubmitRow>
      </Form>
    </div>
  );
}
