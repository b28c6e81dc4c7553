import { educationLevels, RequestProfileChangeInput, titleLevels, titleSeries } from "@ce/contracts";
import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { applicantFacts, professionalFacts } from "../components/ApplicantFacts.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ChangeOutcome } from "../components/ChangeOutcome.tsx";
import { FactList } from "../components/FactList.tsx";
import { Form } from "../components/Form.tsx";
import { FormErrors, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { CodeSelect, TextField } from "../components/RegistrationFields.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requireUser, rethrowServiceError } from "../utils/session.server.ts";

const FIELDS = ["name", "phone", "email", "departmentId", "education", "titleSeries", "titleLevel", "qualification", "major", "certificateNo"] as const;
const TRAIL = ["个人信息", "人员信息修改"];

async function professional(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = await requireUser(request, context);
  if (user.me.userType !== "PROFESSIONAL") throw data({ message: "请以个人身份登录后修改个人信息" }, { status: 403 });
  return user;
}

// 人员信息修改 (a professional's own): the profile as stored (masked) and a change request of chosen fields.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await professional(request, context);
  const profile = await api.identity.profileChanges.me.query().catch((e) => rethrowServiceError(request, e));
  return { profile };
}

// Sent: the page again, now saying the request waits for review, and the flash.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await professional(request, context);
  return formAction(request, RequestProfileChangeInput, { fields: FIELDS }, async (value) => {
    await api.identity.profileChanges.request.mutate(value);
    return redirectWithFlash(samePage(request), "修改申请已提交，请等待单位管理员审核。");
  });
}

export default function MyProfilePage() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(RequestProfileChangeInput, {
    id: "profile-change",
    lastResult: actionData?.result,
    validate: "onSubmit",
    defaultValue: {
      name: profile.name,
      email: profile.email ?? "",
      departmentId: profile.departmentId ?? "",
      education: profile.education ?? "",
      titleSeries: profile.titleSeries ?? "",
      titleLevel: profile.titleLevel ?? "",
      qualification: profile.qualification ?? "",
      major: profile.major ?? "",
      certificateNo: profile.certificateNo ?? "",
    },
  });
  const facts = [...applicantFacts(profile), ...professionalFacts(profile)];
  return (
    <div className="grid max-w-5xl gap-6 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <Breadcrumbs trail={TRAIL} />
      </div>
      <Part id="my-profile" title="个人信息">
        <FactList facts={facts} />
      </Part>
      <Part id="change-request" title="申请修改">
        <ChangeOutcome what="修改申请" change={profile.pendingChange ? null : profile.lastChange} />
        {profile.pendingChange ? (
          <Notice tone="info">您有一条人员信息修改正在审核中，请等待审核后再提交。</Notice>
        ) : (
          <Form method="post" {...getFormProps(form)} className="space-y-3">
            <p className="text-xs text-gray-500">证件号不能修改；手机号不修改请留空。</p>
            <TextField label="姓名" field={fields.name} required={false} />
            <TextField label="新手机号" field={fields.phone} type="tel" required={false} />
            <TextField label="电子邮箱" field={fields.email} type="email" required={false} />
            <CodeSelect
              label="工作部门"
              field={fields.departmentId}
              options={profile.departments.map((d) => ({ code: d.id, name: d.name }))}
              required={false}
            />
            <CodeSelect label="学历" field={fields.education} options={educationLevels} required={false} />
            <CodeSelect label="专业技术职务系列" field={fields.titleSeries} options={titleSeries} required={false} />
            <TextField label="现专业技术职称资格" field={fields.qualification} required={false} />
            <CodeSelect label="级别" field={fields.titleLevel} options={titleLevels} required={false} />
            <TextField label="从事专业" field={fields.major} required={false} />
            <TextField label="证书管理号" field={fields.certificateNo} required={false} />
            <FormErrors id={form.errorId} errors={form.errors} />
            <SubmitRow label="提交修改申请" />
          </Form>
        )}
      </Part>
    </div>
  );
}

/** One half of the page (个人信息, 申请修改): a section named by its heading. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 font-semibold text-blue-900">
        {title}
      </h3>
      {children}
    </section>
  );
}
