import { getInputProps, getSelectProps } from "@conform-to/react";
import { Field, inputClass, type StringField } from "./forms.tsx";
import { IdTypeSelect, UserTypeSelect } from "./UserTypeSelects.tsx";

/** 用户类型, 证件类型 and 证件号: who an account is, on the login and forgot-password forms. */
export function AccountFields({ userType, idType, idNumber }: { userType: StringField; idType: StringField; idNumber: StringField }) {
  const { key, ...idNumberProps } = getInputProps(idNumber, { type: "text" });
  return (
    <>
      <Field label="用户类型" htmlFor={userType.id} errors={userType.errors} errorId={userType.errorId}>
        <UserTypeSelect {...getSelectProps(userType)} />
      </Field>
      <Field label="证件类型" htmlFor={idType.id} errors={idType.errors} errorId={idType.errorId}>
        <IdTypeSelect {...getSelectProps(idType)} />
      </Field>
      <Field label="证件号" htmlFor={idNumber.id} errors={idNumber.errors} errorId={idNumber.errorId}>
        <input key={key} {...idNumberProps} placeholder="请输入证件号" autoComplete="username" className={inputClass} />
      </Field>
    </>
  );
}

/** 新密码 and 确认新密码, with the password policy under the first. */
export function NewPasswordFields({ newPassword, confirmPassword }: { newPassword: StringField; confirmPassword: StringField }) {
  const input = (field: StringField) => {
    const { key, ...props } = getInputProps(field, { type: "password" });
    return <input key={key} {...props} autoComplete="new-password" className={`${inputClass} max-w-xs`} />;
  };
  return (
    <>
      <Field label="新密码" htmlFor={newPassword.id} errors={newPassword.errors} errorId={newPassword.errorId} required>
        {input(newPassword)}
        <p className="mt-1 text-xs text-gray-500">8–32位，须同时包含字母和数字</p>
      </Field>
      <Field label="确认新密码" htmlFor={confirmPassword.id} errors={confirmPassword.errors} errorId={confirmPassword.errorId} required>
        {input(confirmPassword)}
      </Field>
    </>
  );
}
