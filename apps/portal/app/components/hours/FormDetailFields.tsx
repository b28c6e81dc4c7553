import type { LearningForm } from "@ce/contracts";
import { choosePrompt } from "../../utils/prompts.ts";
import { Field, inputClass, Select } from "../forms.tsx";

/** The inputs a learning form adds to the declaration (e.g. 培训天数, 会议级别), named `details.<key>`. */
export function FormDetailFields({ form, errors }: { form: LearningForm; errors: Record<string, string[] | undefined> }) {
  return (
    <>
      {form.fields.map((f) => {
        const name = `details.${f.key}`;
        const id = `declare-details-${f.key}`;
        const fieldErrors = errors[name];
        return (
          <Field key={f.key} label={f.label} htmlFor={id} required={f.required} errors={fieldErrors}>
            {f.type === "select" ? (
              <Select
                id={id}
                name={name}
                defaultValue=""
                className={`${inputClass} max-w-xs`}
                prompt={choosePrompt(f.label)}
                options={(f.options ?? []).map((o) => ({ code: o.value, name: o.label }))}
              />
            ) : f.type === "checkbox" ? (
              <input id={id} name={name} type="checkbox" value="true" className="mt-3 h-4 w-4" />
            ) : (
              <input
                id={id}
                name={name}
                type={f.type === "number" ? "number" : "text"}
                step={f.type === "number" ? "0.5" : undefined}
                className={`${inputClass} ${f.type === "number" ? "max-w-40" : ""}`}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}
