import { type HourRule, parseTypedDecimal } from "@ce/contracts";

/** What a declaration supplies to a rule: the hours claimed, the form's own fields, the year so far. */
export interface RuleInput {
  requestedHours: number;
  details: Readonly<Record<string, string | number | boolean>>;
  /** Hours this person already holds (or has pending) for this form in this year. */
  usedThisYear?: number;
}

export interface ComputedHours {
  /** The most this declaration can be recognised for (申请学时 must not exceed it). */
  hours: number;
  /** How the hours were computed, in Chinese, for reviewers. */
  explanation: string;
}

// A form field's figure as typed (contracts parseTypedDecimal: never Number("0x10") = 16), or the fallback.
const num = (v: unknown, fallback: number) => {
  const n = parseTypedDecimal(v);
  return n !== null && n >= 0 ? n : fallback;
};
const truthy = (v: unknown) => v === true || v === "true" || v === "on" || v === "1";
// Hours are whole 学时; fractions from half days or ratios round down, never up.
const whole = (n: number) => Math.floor(n + 1e-9);

function capped(hours: number, cap: number | null, what: string, steps: string[]): number {
  if (cap !== null && hours > cap) {
    steps.push(`超过${what}${cap}学时，按${cap}学时计`);
    return cap;
  }
  return hours;
}

/** Applies a learning form's hour rule to one declaration. */
export function computeHours(rule: HourRule, input: RuleInput): ComputedHours {
  const steps: string[] = [];
  let hours: number;
  switch (rule.kind) {
    case "ACTUAL": {
      hours = whole(input.requestedHours);
      steps.push(`按实际学时计算：${hours}学时`);
      hours = capped(hours, rule.capPerItem, "单项上限", steps);
      break;
    }
    case "PER_DAY": {
      const days = num(input.details.days, 0);
      hours = whole(rule.hoursPerDay * days);
      steps.push(`按天计算：每天${rule.hoursPerDay}学时 × ${days}天 = ${hours}学时（半天按${rule.hoursPerDay / 2}学时计）`);
      hours = capped(hours, rule.capPerItem, "单项上限", steps);
      break;
    }
    case "PER_ITEM": {
      const items = Math.max(1, whole(num(input.details.items, 1)));
      hours = whole(rule.hoursPerItem * items);
      steps.push(`按项计算：每项${rule.hoursPerItem}学时 × ${items}项 = ${hours}学时`);
      break;
    }
    case "RANK": {
      const rank = rule.ranks.find((r) => r.code === input.details.rank) ?? null;
      if (!rank) {
        hours = 0;
        steps.push("未选择级别，不计学时");
        break;
      }
      hours = rank.hours;
      const paper = truthy(input.details.withPaper) && rank.paperBonus > 0;
      steps.push(`${rank.label}：${rank.hours}学时`);
      if (paper) {
        hours += rank.paperBonus;
        steps.push(`提交论文加${rank.paperBonus}学时，共${hours}学时`);
      }
      break;
    }
    case "RATIO": {
      const taught = num(input.details.teachingHours, 0);
      hours = whole(taught * rule.perHour);
      steps.push(`按授课时长折算：${taught}小时 × ${rule.perHour} = ${hours}学时`);
      hours = capped(hours, rule.capPerItem, "单项上限", steps);
      break;
    }
  }
  if (rule.capPerYear !== null) {
    const used = input.usedThisYear ?? 0;
    const left = Math.max(0, rule.capPerYear - used);
    if (hours > left) {
      steps.push(`本年度该学习形式上限${rule.capPerYear}学时，已申报${used}学时，本次最多${left}学时`);
      hours = left;
    }
  }
  return { hours, explanation: steps.join("；") };
}
