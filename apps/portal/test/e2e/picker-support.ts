import type { Locator, Page } from "playwright-core";

/**
 * The one picker's (components/Picker.tsx) search box named `label`, once React has hydrated it:
 * a box typed into before that keeps the text but never searches (its handlers are not attached
 * yet), which under load made the picker tests flaky.
 */
export async function pickerBox(page: Page, label: string): Promise<Locator> {
  const box = page.getByRole("combobox", { name: label });
  await box.waitFor();
  await page.waitForFunction((name) => {
    const el = [...document.querySelectorAll('[role="combobox"]')].find((e) => e.getAttribute("aria-label") === name);
    return el !== undefined && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, label);
  return box;
}

/**
 * Chooses in the one picker named `label`: types `search` (a name, as a person would) and clicks
 * the first option whose text contains `option` (default: `search`).
 */
export async function pick(page: Page, label: string, search: string, option = search): Promise<void> {
  await (await pickerBox(page, label)).fill(search);
  const choice = page.getByRole("listbox", { name: label }).getByRole("option").filter({ hasText: option }).first();
  await choice.waitFor();
  await choice.click();
}
