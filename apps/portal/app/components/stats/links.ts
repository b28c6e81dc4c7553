import type { StatisticMeasure } from "@ce/contracts";

/**
 * The addresses of 查询统计's pages and the links between them. A drill-down carries the same
 * 统计时间 (`asOf`) through every step: counts → the unit's counts → the people behind a figure →
 * a person's 学习记录.
 */
export const STATS = {
  counts: "/stats/counts",
  countPeople: "/stats/counts/people",
  professionals: "/stats/professionals",
  titleSeries: "/stats/title-series",
  verification: "/stats/verification",
  extract: "/stats/extract",
  dashboard: "/stats/dashboard",
  apiTokens: "/stats/api-tokens",
} as const;

const withQuery = (path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, v);
  const s = query.toString();
  return s ? `${path}?${s}` : path;
};

/** 专业技术人员数量查询 as of `asOf`, under `unitId` (a drill into a 主管部门) or the caller's own unit. */
export const countsHref = (asOf: string, unitId?: string) => withQuery(STATS.counts, { asOf, unitId });

/** The people behind one figure: a row's unit (UNIT) or the 合计 row of the unit counted under (SUBTREE). */
export const countPeopleHref = (p: { asOf: string; unitId: string; measure: StatisticMeasure; scope: "UNIT" | "SUBTREE" }) =>
  withQuery(STATS.countPeople, { asOf: p.asOf, unitId: p.unitId, measure: p.measure, scope: p.scope });

/** A person's 学习记录, as of `asOf` (default: today). */
export const learningHref = (accountId: string, asOf?: string) => withQuery(`${STATS.professionals}/${accountId}/learning`, { asOf });

/** A person's 详细. */
export const detailHref = (accountId: string) => `${STATS.professionals}/${accountId}`;

/** Where a person's 学时证明 live from 学习记录: `${proofsBase(id)}/:proofId` is one proof's page (its PDF `…/pdf`). */
export const proofsBase = (accountId: string) => `${STATS.professionals}/${accountId}/proofs`;

/** One API token's 调用记录 (接口令牌管理 › 调用记录). */
export const tokenUsesHref = (tokenId: string) => `${STATS.apiTokens}/${encodeURIComponent(tokenId)}/uses`;
