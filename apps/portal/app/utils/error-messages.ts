/** What a page or a resource says for an error status when the cause gave no message of its own. */
const byStatus: Record<number, string> = {
  400: "提交的信息有误，请检查后重试",
  403: "您没有权限访问该页面",
  404: "您访问的页面不存在",
  413: "提交的内容过大",
  429: "操作过于频繁，请稍后再试",
  503: "服务暂时不可用，请稍后再试",
};

/** The Chinese message for `status` (系统繁忙，请稍后再试 for any status not listed). */
export function errorMessageFor(status: number): string {
  return byStatus[status] ?? "系统繁忙，请稍后再试";
}
