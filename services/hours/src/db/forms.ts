import { randomUUID } from "node:crypto";
import { FormField, fromDateColumn, HourRule, type LearningForm, Subject, toDateColumn, type UpdateFormInput } from "@ce/contracts";
import type { Db, Tx } from "./client.ts";

type VersionRow = {
  id: string;
  formId: string;
  version: number;
  effectiveFrom: Date;
  name: string;
  fields: unknown;
  hint: string;
  subjects: string[];
  rule: unknown;
  form: { code: string };
};

/** A stored version as the DTO; the JSON columns are parsed so a bad row fails loudly here. */
export function toLearningForm(v: VersionRow): LearningForm {
  return {
    formId: v.formId,
    versionId: v.id,
    code: v.form.code,
    name: v.name,
    version: v.version,
    effectiveFrom: fromDateColumn(v.effectiveFrom),
    fields: FormField.array().parse(v.fields),
    hint: v.hint,
    subjects: Subject.array().parse(v.subjects),
    rule: HourRule.parse(v.rule),
  };
}

/** The version of every form in force on a date, in the catalog's order. */
export async function activeForms(db: Db | Tx, on: string): Promise<LearningForm[]> {
  const forms = await db.learningForm.findMany({
    orderBy: { sortOrder: "asc" },
    include: {
      versions: {
        where: { effectiveFrom: { lte: toDateColumn(on) } },
        orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
        take: 1,
        include: { form: true },
      },
    },
  });
  return forms.flatMap((f) => f.versions.map(toLearningForm));
}

/** One form's version in force on a date, or null when the code is unknown or not yet in force. */
export async function activeForm(db: Db | Tx, code: string, on: string): Promise<LearningForm | null> {
  const v = await db.learningFormVersion.findFirst({
    where: { form: { code }, effectiveFrom: { lte: toDateColumn(on) } },
    orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
    include: { form: true },
  });
  return v ? toLearningForm(v) : null;
}

/**
 * Adds a new version of a form; older versions (and the declarations using them) stay as they were.
 * Returns it with the version it follows (null for a form's first), or null for an unknown code.
 */
export async function addFormVersion(tx: Tx, input: UpdateFormInput, createdBy: string): Promise<{ form: LearningForm; previous: LearningForm | null } | null> {
  const form = await tx.learningForm.findUnique({ where: { code: input.code } });
  if (!form) return null;
  // Serialises concurrent edits of one form so version numbers never collide.
  await tx.$queryRaw`SELECT id FROM hours.learning_form WHERE id = ${form.id}::uuid FOR UPDATE`;
  const last = await tx.learningFormVersion.findFirst({ where: { formId: form.id }, orderBy: { version: "desc" }, include: { form: true } });
  const v = await tx.learningFormVersion.create({
    data: {
      id: randomUUID(),
      formId: form.id,
      version: (last?.version ?? 0) + 1,
      effectiveFrom: toDateColumn(input.effectiveFrom),
      name: input.name,
      fields: input.fields,
      hint: input.hint,
      subjects: input.subjects,
      rule: input.rule,
      createdBy,
    },
    include: { form: true },
  });
  return { form: toLearningForm(v), previous: last ? toLearningForm(last) : null };
}
