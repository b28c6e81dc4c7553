import { looksLikeIdNumber, normalizeIdentifier, type PickPurpose, PositiveIntParam, parseSearchedIdNumber, SingleLineText, servedPage } from "@ce/contracts";
import { z } from "zod";
import type { Api } from "./api.server.ts";

/**
 * The searches behind the one picker (components/Picker.tsx), one per kind of thing picked. Each
 * answers a page of PickerOption: `value` is what the form posts (an account id, or a unit's
 * name for the 查询统计 filters, which are typed as names), `label` and `hint` what the list shows
 * (names and masked numbers only). A query shaped like an ID number is looked up by full number
 * through identity (professionals.find: rate-limited, logged) and never travels in a URL: the
 * picker posts it (routes/pick.$kind.ts).
 */

/** One choice of the picker's list. */
export interface PickerOption {
  value: string;
  label: string;
  hint?: string;
}

/** One page of choices; `total` counts every match. */
export interface PickerPage {
  items: PickerOption[];
  page: number;
  pageSize: number;
  total: number;
}

export const PICKER_PAGE_SIZE = 10;

/** The kinds the picker searches, with the route segment that names each. */
export const PickerKind = z.enum(["declarable", "transfer", "admin", "authority", "employer", "unit"]);
export type PickerKind = z.infer<typeof PickerKind>;

/** What the picker posts: the typed text (name or number) and the page wanted. */
export const PickerQuery = z.object({
  q: SingleLineText({ label: "搜索内容", max: 50 }).default(""),
  /** Read like every list's page (PositiveIntParam: never "1e3"); one that does not parse is page 1. */
  page: PositiveIntParam.catch(1),
});
export type PickerQuery = z.infer<typeof PickerQuery>;

const purposeOf: Partial<Record<PickerKind, PickPurpose>> = { declarable: "DECLARE", transfer: "TRANSFER", admin: "ADMIN" };

/** The page `page` of `all` (what the portal holds whole: the one person an ID-number lookup found), clamped like every list (contracts servedPage). */
function pageOf(all: PickerOption[], page: number): PickerPage {
  const served = servedPage(page, PICKER_PAGE_SIZE, all.length);
  return { items: all.slice(served.offset, served.offset + PICKER_PAGE_SIZE), page: served.page, pageSize: PICKER_PAGE_SIZE, total: all.length };
}

const personHint = (p: { idNumberMasked: string; unitName?: string | null; departmentName?: string | null }) =>
  [p.idNumberMasked, p.unitName, p.departmentName].filter(Boolean).join("，");

/**
 * Why `query` cannot be searched for `kind`, or null: text shaped like an ID number that no one can
 * have (contracts parseSearchedIdNumber: 身份证号校验位不正确 …), said by the picker instead of its
 * 没有找到… — and never spent on the ID-number lookup budget.
 */
export function pickerRefusal(kind: PickerKind, query: PickerQuery): string | null {
  const q = query.q.trim();
  if (!purposeOf[kind] || !q || !looksLikeIdNumber(q)) return null;
  const checked = parseSearchedIdNumber(q);
  return checked.ok ? null : checked.message;
}

/**
 * One page of `kind` matching `query` for the signed-in user (`api` acts as them; the services
 * decide the scope and refuse what the user may not do). Service failures propagate.
 */
export async function searchPicker(api: Api, kind: PickerKind, query: PickerQuery): Promise<PickerPage> {
  const q = query.q.trim();
  const purpose = purposeOf[kind];
  if (purpose && q && looksLikeIdNumber(q)) {
    const found = await api.identity.professionals.find.mutate({ idNumber: normalizeIdentifier(q), purpose });
    return pageOf(found ? [{ value: found.accountId, label: found.name, hint: personHint(found) }] : [], 1);
  }
  const name = q || undefined;
  switch (kind) {
    case "declarable": {
      const found = await api.hours.declarations.declarables.query({ name, page: query.page, pageSize: PICKER_PAGE_SIZE });
      return { ...found, items: found.items.map((p) => ({ value: p.accountId, label: p.name, hint: personHint(p) })) };
    }
    case "transfer": {
      const found = await api.identity.transfers.candidates.query({ name, page: query.page, pageSize: PICKER_PAGE_SIZE });
      return { ...found, items: found.items.map((c) => ({ value: c.accountId, label: c.name, hint: personHint(c) })) };
    }
    case "admin": {
      const found = await api.identity.admins.candidates.query({ q, page: query.page, pageSize: PICKER_PAGE_SIZE });
      return { ...found, items: found.items.map((c) => ({ value: c.accountId, label: c.name, hint: personHint(c) })) };
    }
    case "authority":
    case "employer": {
      const found = await api.identity.units.pick.query({
        name,
        kinds: [kind === "authority" ? "AUTHORITY" : "EMPLOYER"],
        page: query.page,
        pageSize: PICKER_PAGE_SIZE,
      });
      return { ...found, items: found.items.map((u) => ({ value: u.name, label: u.name, ...(u.superiorName ? { hint: `上级：${u.superiorName}` } : {}) })) };
    }
    case "unit": {
      // Any unit of the caller's subtree, chosen by id (接口令牌's 数据范围).
      const found = await api.identity.units.pick.query({
        name,
        kinds: ["AUTHORITY", "EMPLOYER", "TRAINING_BASE"],
        page: query.page,
        pageSize: PICKER_PAGE_SIZE,
      });
      return { ...found, items: found.items.map((u) => ({ value: u.id, label: u.name, ...(u.superiorName ? { hint: `上级：${u.superiorName}` } : {}) })) };
    }
  }
}
