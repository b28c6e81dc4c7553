// The cases of form-actions.server.test.ts: for every action route, a valid submit of each of its
// forms (fields, whose session posts, what the stand-in services answer), the procedure it must
// call and where its redirect must lead — by menu section, one file each — and the viewers and ids they
// share (form-action-fixtures.test-support.ts).
import { accountCases } from "./form-action-cases-accounts.test-support.ts";
import { hoursCases } from "./form-action-cases-hours.test-support.ts";
import { publicCases } from "./form-action-cases-public.test-support.ts";
import { reviewCases } from "./form-action-cases-reviews.test-support.ts";
import type { Case } from "./form-action-fixtures.test-support.ts";

export { admin, type Case, ids, PNG } from "./form-action-fixtures.test-support.ts";

/** Every action route's valid submits, section by section of the menu. */
export const CASES: Case[] = [...accountCases, ...reviewCases, ...hoursCases, ...publicCases];
