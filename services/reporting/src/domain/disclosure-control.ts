// Statistical disclosure control of 人年抽取 (issue 11 fault 1): k-anonymity over the columns an
// outsider can learn from elsewhere (the quasi-identifiers), by generalising step by step and
// suppressing what is still too rare. Pure: the extract plans with it from counts per combination.

/**
 * k: every combination of quasi-identifiers released in one year of an extract covers at least
 * this many rows (people). 5 is the usual floor for published microdata of small populations; a
 * smaller k would let a unit of 3 engineers be told apart by title alone.
 */
export const DISCLOSURE_K = 5;

/** What a generalised value is written as in the extract (CSV and Parquet alike). */
export const GENERALISED = "*";

/**
 * A row's quasi-identifiers — the extract's columns that the 专业技术人员信息查询 list (or any
 * roster) also shows: the unit (its id, name and kind go together), the unit's 地区 code (GB/T
 * 2260), 职称系列, 职称级别 and 学历. A missing value is null (and stays distinct from GENERALISED).
 */
export interface QuasiIdentifiers {
  unitId: string | null;
  region: string | null;
  titleSeries: string | null;
  titleLevel: string | null;
  education: string | null;
}

/**
 * The generalisation hierarchy, one step per level (each keeps the steps before it):
 * 0 exact; 1 学历 → *; 2 职称级别 → *; 3 职称系列 → *; 4 单位 → * (its 地区 stays); 5 县级地区 →
 * 其所在市 (370102 → 370100); 6 市 → 省 (370100 → 370000); 7 地区 → * (every field generalised).
 */
export const DISCLOSURE_LEVELS = ["精确", "学历", "职称级别", "职称系列", "单位", "地区→市", "市→省", "地区"] as const;
export const MAX_LEVEL = DISCLOSURE_LEVELS.length - 1;

/** A region code read one level up: county → its city ("370102" → "370100"), city → province ("370100" → "370000"); non-codes are kept. */
function regionUp(code: string | null, to: "city" | "province"): string | null {
  if (code === null || !/^\d{6}$/.test(code)) return code;
  return to === "city" ? `${code.slice(0, 4)}00` : `${code.slice(0, 2)}0000`;
}

/** `q` generalised to `level` (0…MAX_LEVEL, DISCLOSURE_LEVELS). Pure. */
export function generalise(q: QuasiIdentifiers, level: number): QuasiIdentifiers {
  const region = level >= 7 ? GENERALISED : level >= 6 ? regionUp(q.region, "province") : level >= 5 ? regionUp(q.region, "city") : q.region;
  return {
    unitId: level >= 4 ? GENERALISED : q.unitId,
    region,
    titleSeries: level >= 3 ? GENERALISED : q.titleSeries,
    titleLevel: level >= 2 ? GENERALISED : q.titleLevel,
    education: level >= 1 ? GENERALISED : q.education,
  };
}

/** The one text key of a combination (null and GENERALISED kept apart). Pure. */
export function combinationKey(q: QuasiIdentifiers): string {
  return JSON.stringify([q.unitId, q.region, q.titleSeries, q.titleLevel, q.education]);
}

/** How many rows (people) of one year hold one exact combination. */
export interface CombinationCount {
  q: QuasiIdentifiers;
  rows: number;
}

/** What a year's rows become: for each exact combination, the level it is released at, or null (suppressed). */
export interface ReleasePlan {
  /** By combinationKey of the exact combination. */
  levels: Map<string, number | null>;
  released: number;
  suppressed: number;
}

/**
 * Plans the release of one year of an extract from its rows per exact combination: at each level
 * in turn, the combinations not yet placed are generalised to that level and grouped; a group
 * covering at least `k` rows is released at that level, the rest go on to the next. Rows still
 * below `k` with every quasi-identifier generalised are joined by whole released groups, the
 * smallest first, until they reach `k` — so no row is lost while the year holds `k` rows; only a
 * year of fewer than `k` rows is suppressed whole. Every combination released covers ≥ k rows
 * (groups of different levels that print the same only merge into larger ones), common
 * combinations stay exact, and the year's rows (hence its totals) are all there. Pure; the order
 * of `counts` does not matter.
 */
export function planRelease(counts: readonly CombinationCount[], k = DISCLOSURE_K): ReleasePlan {
  const levels = new Map<string, number | null>();
  let pending = counts.filter((c) => c.rows > 0);
  for (let level = 0; level < MAX_LEVEL && pending.length > 0; level++) {
    const groups = new Map<string, number>();
    const keyAt = (c: CombinationCount) => combinationKey(generalise(c.q, level));
    for (const c of pending) groups.set(keyAt(c), (groups.get(keyAt(c)) ?? 0) + c.rows);
    const next: CombinationCount[] = [];
    for (const c of pending) {
      if ((groups.get(keyAt(c)) ?? 0) >= k) levels.set(combinationKey(c.q), level);
      else next.push(c);
    }
    pending = next;
  }
  // The remainder, every field generalised: made up to k by the smallest released groups, or suppressed when the year is smaller than k.
  let remainder = pending.reduce((n, c) => n + c.rows, 0);
  if (remainder > 0 && remainder < k) {
    const released = new Map<string, CombinationCount[]>();
    for (const c of counts) {
      const level = levels.get(combinationKey(c.q));
      if (level === undefined || level === null || c.rows <= 0) continue;
      const key = combinationKey(generalise(c.q, level));
      released.set(key, [...(released.get(key) ?? []), c]);
    }
    const bySize = [...released.entries()]
      .map(([key, cs]) => ({ key, cs, rows: cs.reduce((n, c) => n + c.rows, 0) }))
      .sort((a, b) => a.rows - b.rows || a.key.localeCompare(b.key));
    for (const g of bySize) {
      if (remainder >= k) break;
      pending.push(...g.cs);
      remainder += g.rows;
    }
  }
  for (const c of pending) levels.set(combinationKey(c.q), remainder >= k ? MAX_LEVEL : null);
  const suppressed = remainder >= k ? 0 : remainder;
  const total = counts.reduce((n, c) => n + Math.max(0, c.rows), 0);
  return { levels, released: total - suppressed, suppressed };
}

/**
 * A row's released quasi-identifiers under `plan`: generalised to its combination's level, or
 * null when the row is suppressed — also for a combination the plan never saw (a row that
 * appeared after the counts were taken cannot be shown to be safe). Pure.
 */
export function releasedIdentifiers(plan: ReleasePlan, q: QuasiIdentifiers): QuasiIdentifiers | null {
  const level = plan.levels.get(combinationKey(q));
  return level === undefined || level === null ? null : generalise(q, level);
}
