import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowserAsDemoAdmin, type Person, portalUrl } from "./org-support.ts";

// Issue 13, keyboard use: every dialog and popover of the portal — the confirmation of a one-button
// form (ConfirmDialog, a modal <dialog>) and the user menu under 您好! (a <details> disclosure) — is
// opened with the keyboard, keeps focus while open (the modal: Tab goes round inside it), closes on
// Escape and gives focus back to the control that opened it; a focused control shows an outline.
let browser: Awaited<ReturnType<typeof openBrowserAsDemoAdmin>>;
let page: Page;
let province: Person;

beforeAll(async () => {
  browser = await openBrowserAsDemoAdmin("山东省交通运输厅", "DialogKeys2026");
  ({ page, admin: province } = browser);
});
afterAll(() => browser?.close());

/** The focused element: its text, whether it sits in an open <dialog>, and its outline as computed. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      text: el?.textContent?.trim() ?? "",
      tag: el?.tagName ?? "",
      inOpenDialog: el?.closest("dialog[open]") !== null && el?.closest("dialog[open]") !== undefined,
      outline: style ? { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) } : null,
      marked: el?.dataset.opener === "yes",
    };
  });

/** A control with focus shows an outline a person can see (not `none`, not 0 px wide). */
const expectVisibleFocus = (f: Awaited<ReturnType<typeof focused>>) => {
  expect(f.outline?.style, `${f.tag} ${f.text}`).not.toBe("none");
  expect(f.outline?.width, `${f.tag} ${f.text}`).toBeGreaterThan(0);
};

describe("dialogs and popovers by keyboard alone", () => {
  it("a confirmation (重置密码): Enter opens it on 取消, Tab stays inside, Escape closes it and focus returns to the button", async () => {
    await page.goto(`${portalUrl}/stats/professionals`);
    const opener = page.getByRole("button", { name: "重置密码" }).first();
    await opener.evaluate((el) => {
      (el as HTMLElement).dataset.opener = "yes";
    });
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.getByText(/^确定重置.+的密码吗？$/).count()).toBe(1);
    let f = await focused();
    expect(f).toMatchObject({ text: "取消", inOpenDialog: true });
    expectVisibleFocus(f);

    // Tab and Shift+Tab go round the dialog's two buttons; nothing behind it takes focus.
    const seen: string[] = [];
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      f = await focused();
      expect(f.inOpenDialog, `after ${key}: ${f.tag} ${f.text}`).toBe(true);
      expectVisibleFocus(f);
      seen.push(f.text);
    }
    expect(new Set(seen)).toEqual(new Set(["确定", "取消"]));

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    f = await focused();
    expect(f).toMatchObject({ text: "重置密码", marked: true, inOpenDialog: false });
    // Nothing was reset: no flash with a temporary password.
    expect(await page.getByText("临时密码").count()).toBe(0);

    // 取消 by keyboard closes it the same way.
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Enter"); // focus starts on 取消
    await dialog.waitFor({ state: "hidden" });
    expect(await focused()).toMatchObject({ text: "重置密码", marked: true });
    expect(await page.getByText("临时密码").count()).toBe(0);
  });

  it("the user menu (您好!): Enter opens it, Tab reaches 修改密码, Escape closes it and focus returns to the name", async () => {
    await page.goto(`${portalUrl}/`);
    const name = page.getByText(`您好! ${province.name}`);
    await name.focus();
    expectVisibleFocus(await focused());
    await page.keyboard.press("Enter");
    const change = page.locator("header details").getByRole("link", { name: "修改密码", exact: true });
    await change.waitFor({ state: "visible" });
    await page.keyboard.press("Tab");
    let f = await focused();
    expect(f.text).toBe("修改密码");
    expectVisibleFocus(f);
    await page.keyboard.press("Escape");
    await change.waitFor({ state: "hidden" });
    f = await focused();
    expect(f.text).toBe(`您好! ${province.name} ▾`);
    expect(f.tag).toBe("SUMMARY");
  });
});
