import { z } from "zod";
import { MaskedPersonInUnitFields } from "../identity/person-fields.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { CountAnswerHeadFields } from "./professional-counts.ts";
import { StatisticMeasure, SubjectHoursFields, statisticDateField } from "./statistics.ts";

/**
 * The people behind one figure of 专业技术人员数量查询 (issue 10 item 4): the same 统计时间, the
 * row's unit (`scope` UNIT) or the total row of a drill into `unitId` (`scope` SUBTREE: every unit
 * of its subtree as it stood then), and the figure: 注册总数 (REGISTERED), 学习总数 (STUDYING) or
 * 合格总数 (COMPLIANT). `total` of the answer equals that figure. A unit outside the caller's
 * subtree: NOT_FOUND.
 */
export const CountPeopleInput = PageRequest.extend({
  asOf: statisticDateField("统计时间").optional(),
  unitId: z.uuid({ error: "单位编号无效" }),
  measure: StatisticMeasure,
  scope: z.enum(["UNIT", "SUBTREE"], { error: "统计范围无效" }).default("UNIT"),
});
export type CountPeopleInput = z.infer<typeof CountPeopleInput>;

/** One person counted: where they were on 统计时间 and that year's hours then (name and masked ID as held now). */
export const CountPerson = z.object({
  ...MaskedPersonInUnitFields,
  ...SubjectHoursFields,
  studying: z.boolean(),
  compliant: z.boolean(),
});
export type CountPerson = z.infer<typeof CountPerson>;

/** One page of the people, ordered by name; `total` is the figure drilled into. */
export const CountPeople = z.object({
  ...CountAnswerHeadFields,
  measure: StatisticMeasure,
  scope: z.enum(["UNIT", "SUBTREE"]),
  ...pageOf(CountPerson).shape,
});
export type CountPeople = z.infer<typeof CountPeople>;
