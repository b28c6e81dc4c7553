/** What the anomaly checks look at of a declaration. Dates are ISO days (YYYY-MM-DD). */
export interface ClaimFacts {
  id: string;
  professionalId: string;
  className: string;
  requestedHours: number;
  startDate: string;
  endDate: string;
  attachmentHashes: readonly string[];
}

export const anomalyLabels = {
  SHARED_ATTACHMENT: "附件与其他申报重复",
  OVERLAPPING_DATES: "与本人其他申报时间重叠",
  OVER_8_PER_DAY: "日均超过8学时",
  CLASS_HOURS_MISMATCH: "同一培训班他人申报学时不同",
} as const;
export type AnomalyCode = keyof typeof anomalyLabels;

const DAY_MS = 86_400_000;
/** Calendar days from start to end, both included. */
export const daysSpanned = (start: string, end: string) => Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1;

const normalise = (name: string) => name.replace(/\s+/g, "").toLowerCase();

/**
 * Flags for reviewers (学时审批) on one declaration, against the other live declarations
 * (pending or granted) that share its person, class name or attachment hashes.
 */
export function anomalyFlags(target: ClaimFacts, others: readonly ClaimFacts[]): AnomalyCode[] {
  const flags: AnomalyCode[] = [];
  const rest = others.filter((o) => o.id !== target.id);
  const hashes = new Set(target.attachmentHashes);
  if (rest.some((o) => o.attachmentHashes.some((h) => hashes.has(h)))) flags.push("SHARED_ATTACHMENT");
  if (rest.some((o) => o.professionalId === target.professionalId && o.startDate <= target.endDate && target.startDate <= o.endDate))
    flags.push("OVERLAPPING_DATES");
  if (target.requestedHours > 8 * daysSpanned(target.startDate, target.endDate)) flags.push("OVER_8_PER_DAY");
  const cls = normalise(target.className);
  if (rest.some((o) => o.professionalId !== target.professionalId && normalise(o.className) === cls && o.requestedHours !== target.requestedHours)) {
    flags.push("CLASS_HOURS_MISMATCH");
  }
  return flags;
}
