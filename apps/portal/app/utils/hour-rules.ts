import type { HourRule } from "@ce/contracts";

/** A rule in words, as the catalog page prints it: 按天计算，每天8学时（半天4学时），每项最多90学时. */
export function describeRule(rule: HourRule): string {
  const parts: string[] = [];
  switch (rule.kind) {
    case "ACTUAL":
      parts.push("按实际学时计算", `每项最多${rule.capPerItem}学时`);
      break;
    case "PER_DAY":
      parts.push(`按天计算，每天${rule.hoursPerDay}学时（半天${rule.hoursPerDay / 2}学时）`);
      if (rule.capPerItem !== null) parts.push(`每项最多${rule.capPerItem}学时`);
      break;
    case "PER_ITEM":
      parts.push(`按项计算，每项${rule.hoursPerItem}学时`);
      break;
    case "RANK":
      parts.push(`按级别计算：${rule.ranks.map((r) => `${r.label}${r.hours}学时${r.paperBonus > 0 ? `（提交论文加${r.paperBonus}学时）` : ""}`).join("、")}`);
      break;
    case "RATIO":
      parts.push(`按授课时长计算，每授课1小时计${rule.perHour}学时`);
      if (rule.capPerItem !== null) parts.push(`每项最多${rule.capPerItem}学时`);
      break;
  }
  if (rule.capPerYear !== null) parts.push(`每年最多${rule.capPerYear}学时`);
  return parts.join("，");
}
