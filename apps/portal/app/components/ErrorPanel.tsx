import { isRouteErrorResponse } from "@remix-run/react";
import { errorMessageFor } from "../utils/error-messages.ts";
import { TextLink } from "./TextLink.tsx";

/** The Chinese message for an error a route threw; details stay in the server log. */
export function describeError(error: unknown): { status: number; message: string } {
  if (isRouteErrorResponse(error)) {
    const said = (error.data as { message?: unknown } | null)?.message;
    const message = typeof said === "string" && said.length > 0 ? said : errorMessageFor(error.status);
    return { status: error.status, message };
  }
  return { status: 500, message: "系统繁忙，请稍后再试" };
}

export function ErrorPanel({ error }: { error: unknown }) {
  const { status, message } = describeError(error);
  return (
    <div role="alert" className="rounded border border-red-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold text-red-700">{status === 503 ? "服务暂时不可用" : "出错了"}</h1>
      <p className="mt-2 text-gray-700">{message}</p>
      <p className="mt-4 text-sm">
        <TextLink to="/">返回首页</TextLink>
      </p>
    </div>
  );
}
