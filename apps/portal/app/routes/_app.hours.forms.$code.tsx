import { calendarDate, calendarDateField, type HourRule, type LearningForm, MultiLineText, Subject, subjectLabels, systemClock } from "@ce/contracts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FormErrors, inputClass } from "../components/forms.tsx";
import { ProvinceOnlyNotice } from "../components/hours/ProvinceOnlyNotice.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { describeRule } from "../utils/hour-rules.ts";
import { requireFormsViewer } from "../utils/province.server.ts";
import { rethrowServiceError } from "../utils/session.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

const optionalPositive = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .positive({ error: `${label}必须大于0` })
    .optional();

/** What the page edits; the rule's numbers are those its kind has (the action checks which are required). */
const EditForm = z.object({
  hint: MultiLineText({ label: "提示文字", max: 200 }).optional(),
  subjects: z.array(Subject, { error: "请至少选择一个计入科目" }).min(1, { error: "请至少选择一个计入科目" }),
  effectiveFrom: calendarDateField("生效日期"),
  capPerYear: optionalPositive("每年上限"),
  capPerItem: optionalPositive("每项上限"),
  hoursPerDay: optionalPositive("每天学时"),
  hoursPerItem: optionalPositive("每项学时"),
  perHour: optionalPositive("每授课1小时计学时"),
  ranks: z
    .array(
      z.object({ hours: optionalPositive("学时"), paperBonus: z.number({ error: "论文加分必须是数字" }).min(0, { error: "论文加分不能小于0" }).optional() }),
    )
    .optional(),
});
type EditForm = z.infer<typeof EditForm>;
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

type Errors = Record<string, string[]>;

/** The edited rule, or the fields its kind needs that were left empty. */
function buildRule(current: HourRule, v: EditForm): { rule: HourRule } | { errors: Errors } {
  const errors: Errors = {};
  const need = (key: keyof EditForm, label: string): number => {
    const n = v[key];
    if (typeof n !== "number") errors[key] = [`请填写${label}`];
    return typeof n === "number" ? n : 0;
  };
  const capPerYear = v.capPerYear ?? null;
  let rule: HourRule;
  switch (current.kind) {
    case "ACTUAL":
      rule = { kind: "ACTUAL", capPerItem: need("capPerItem", "每项上限"), capPerYear };
      break;
    case "PER_DAY":
      rule = { kind: "PER_DAY", hoursPerDay: need("hoursPerDay", "每天学时"), capPerItem: v.capPerItem ?? null, capPerYear };
      break;
    case "PER_ITEM":
      rule = { kind: "PER_ITEM", hoursPerItem: need("hoursPerItem", "每项学时"), capPerYear };
      break;
    case "RATIO":
      rule = { kind: "RATIO", perHour: need("perHour", "每授课1小时计学时"), capPerItem: v.capPerItem ?? null, capPerYear };
      break;
    case "RANK":
      rule = {
        kind: "RANK",
        ranks: current.ranks.map((r, i) => {
          const hours = v.ranks?.[i]?.hours;
          if (typeof hours !== "number") errors[`ranks[${i}].hours`] = [`请填写${r.label}的学时`];
          return { ...r, hours: hours ?? r.hours, paperBonus: v.ranks?.[i]?.paperBonus ?? 0 };
        }),
        capPerYear,
      };
      break;
  }
  return Object.keys(errors).length > 0 ? { errors } : { rule };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api, allowed } = await requireFormsViewer(request, context);
  const formData = await readTextForm(request);
  const submission = parseWithZod(formData, { schema: EditForm, error: zhErrorMap });
  if (!allowed) return data({ result: submission.reply({ formErrors: ["仅省级主管部门可维护学习形式"] }) }, { status: 403 });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (v.effectiveFrom < today()) return data({ result: submission.reply({ fieldErrors: { effectiveFrom: ["生效日期不能早于今天"] } }) }, { status: 400 });
  const code = params.code ?? "";
  const current = await api.hours.forms.get.query({ code }).catch((e) => rethrowServiceError(request, e));
  const built = buildRule(current.rule, v);
  if ("errors" in built) return data({ result: submission.reply({ fieldErrors: built.errors }) }, { status: 400 });
  let saved: LearningForm;
  try {
    saved = await api.hours.forms.update.mutate({
      code,
      effectiveFrom: v.effectiveFrom,
      name: current.name,
      fields: current.fields,
      hint: v.hint ?? "",
      subjects: v.subjects,
      rule: built.rule,
    });
  } catch (error) {
    return data({ result: submission.reply(toFormErrors(error, FIELDS, { name: "hint", fields: "rule" })) }, { status: 400 });
  }
  const query = new URLSearchParams({ saved: saved.code, version: String(saved.version), from: saved.effectiveFrom });
  throw redirect(`/hours/forms?${query}`);
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
  const navigation = useNavigation();
  const rule = current.rule;
  const [form, fields] = useForm({
    id: `form-${current.code}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    constraint: getZodConstraint(EditForm),
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
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditForm, error: zhErrorMap }),
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
      <p className="mb-4 text-sm text-gray-600">{`当前为第${current.version}版，自${current.effectiveFrom}起生效：${describeRule(current.rule)}。保存后生成新版本。`}</p>
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
          <ErrorsFor errors={fieldErrors.rule} />
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
        <div className="flex items-center gap-3 pl-[7.75rem]">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            保存
          </button>
          <Link to="/hours/forms" className="text-sm text-blue-700 hover:underline">
            返回
          </Link>
        </div>
      </Form>
    </div>
  );
}

function ErrorsFor({ errors }: { errors?: readonly string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul className="text-sm text-red-600">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
