import { describe, expect, it } from "vitest";
import { editedRule, type FormVersionEdit, type HourRule } from "./forms.ts";

const edit = (numbers: Partial<FormVersionEdit>): FormVersionEdit => ({ subjects: ["GENERAL"], effectiveFrom: "2030-01-01", ...numbers });
const ranks: Extract<HourRule, { kind: "RANK" }>["ranks"] = [
  { code: "NATIONAL", label: "国家级", hours: 10, paperBonus: 2 },
  { code: "PROVINCE", label: "省级", hours: 6, paperBonus: 0 },
];

// [the current rule, what was typed, the edited rule or the messages by field]
const CASES: [string, HourRule, FormVersionEdit, ReturnType<typeof editedRule>][] = [
  [
    "ACTUAL with 每项上限 and no 每年上限",
    { kind: "ACTUAL", capPerItem: 8, capPerYear: 40 },
    edit({ capPerItem: 12 }),
    { rule: { kind: "ACTUAL", capPerItem: 12, capPerYear: null } },
  ],
  ["ACTUAL without 每项上限", { kind: "ACTUAL", capPerItem: 8, capPerYear: null }, edit({ capPerYear: 40 }), { errors: { capPerItem: ["请填写每项上限"] } }],
  [
    "PER_DAY: 每项上限 may stay empty",
    { kind: "PER_DAY", hoursPerDay: 8, capPerItem: 24, capPerYear: null },
    edit({ hoursPerDay: 6 }),
    { rule: { kind: "PER_DAY", hoursPerDay: 6, capPerItem: null, capPerYear: null } },
  ],
  [
    "PER_DAY without 每天学时",
    { kind: "PER_DAY", hoursPerDay: 8, capPerItem: null, capPerYear: null },
    edit({}),
    { errors: { hoursPerDay: ["请填写每天学时"] } },
  ],
  [
    "PER_ITEM",
    { kind: "PER_ITEM", hoursPerItem: 4, capPerYear: null },
    edit({ hoursPerItem: 5, capPerYear: 20 }),
    { rule: { kind: "PER_ITEM", hoursPerItem: 5, capPerYear: 20 } },
  ],
  [
    "RATIO without 每授课1小时计学时",
    { kind: "RATIO", perHour: 2, capPerItem: null, capPerYear: null },
    edit({ capPerItem: 10 }),
    { errors: { perHour: ["请填写每授课1小时计学时"] } },
  ],
  [
    "RANK keeps each rank's code and label, an empty 论文加分 is 0",
    { kind: "RANK", ranks, capPerYear: null },
    edit({ ranks: [{ hours: 12, paperBonus: 3 }, { hours: 7 }] }),
    {
      rule: {
        kind: "RANK",
        ranks: [
          { code: "NATIONAL", label: "国家级", hours: 12, paperBonus: 3 },
          { code: "PROVINCE", label: "省级", hours: 7, paperBonus: 0 },
        ],
        capPerYear: null,
      },
    },
  ],
  [
    "RANK names the rank whose 学时 is empty",
    { kind: "RANK", ranks, capPerYear: null },
    edit({ ranks: [{ hours: 12 }, {}] }),
    { errors: { "ranks[1].hours": ["请填写省级的学时"] } },
  ],
];

describe("编辑学习形式: the new version's rule from what was typed", () => {
  it.each(CASES)("%s", (_case, current, typed, expected) => {
    expect(editedRule(current, typed)).toEqual(expected);
  });
});
