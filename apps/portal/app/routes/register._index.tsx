import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AuthShell } from "../components/AuthShell.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { PLATFORM_NAME } from "../utils/brand.ts";

export const meta: MetaFunction = () => [{ title: `注册 - ${PLATFORM_NAME}` }];

const choice = "block rounded border border-blue-200 px-4 py-3 hover:border-blue-500 hover:bg-blue-50";

// 注册: a professional registers themself; an employer registers the unit and its first admin.
export default function RegisterChoicePage() {
  return (
    <AuthShell title="注册">
      <div className="space-y-3">
        <Link to="/register/professional" className={choice}>
          <span className="font-semibold text-blue-900">专业技术人员注册</span>
          <span className="mt-1 block text-xs text-gray-600">注册后由所在单位审核，审核通过后以“个人”身份登录</span>
        </Link>
        <Link to="/register/employer" className={choice}>
          <span className="font-semibold text-blue-900">用人单位注册</span>
          <span className="mt-1 block text-xs text-gray-600">注册单位及单位超级管理员，由上级主管部门审核通过后方可登录</span>
        </Link>
        <p className="pt-2 text-right text-sm">
          <TextLink to="/login">返回登录</TextLink>
        </p>
      </div>
    </AuthShell>
  );
}
