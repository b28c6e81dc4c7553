// Issue 8 fault 2 as a kind: a masked ID number (3701021990****7738: month and day hidden, the last
// character a check character) leaves 32 to 35 numbers open, so any procedure that finds a person
// by a full 证件号 typed by a signed-in caller is an oracle unless it is limited and logged. The
// budget is one rule for every service that offers such a lookup.

/**
 * The fewest resident ID numbers one mask leaves open: the days of the birth year whose number has
 * the mask's check character — 32 to 35 for every region, year and sequence (contracts' test).
 */
export const MASKED_ID_CANDIDATES = 32;

/**
 * The services that find a person by a full 证件号 for a signed-in caller, each counting and
 * logging its own lookups: identity (新增管理员, the person picker) and reporting (专业技术人员信息查询,
 * 学习记录验证). A service that adds such a lookup joins this list, and the budget below shrinks so
 * that the sum over the list stays under MASKED_ID_CANDIDATES (contracts' id-lookup test).
 */
export const ID_LOOKUP_SERVICES = ["identity", "reporting"] as const;

/**
 * Lookups of a person by full 证件号 one service allows in a window, per caller account and per
 * client address: enough for a day's work, and — added over every service of ID_LOOKUP_SERVICES —
 * fewer than the numbers a mask leaves open, so one account cannot try them all in a day; every
 * lookup is also written to that service's access log.
 */
export const idLookupLimits = {
  perAccount: { max: 15, windowS: 24 * 3600 },
  perIp: { max: 40, windowS: 24 * 3600 },
} as const;

/** The refusal past the budget (TOO_MANY_REQUESTS on the 证件号 field). */
export const ID_LOOKUP_TOO_MANY_MESSAGE = "证件号查询过于频繁，请明天再试";
