import type { Page } from "playwright-core";

/** Answers 确定 in the open confirmation dialog (components/ConfirmDialog.tsx: 删除, 重置密码, 撤销导入, 批量驳回, 审验不通过 …). */
export async function confirmInDialog(page: Page): Promise<void> {
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
}
