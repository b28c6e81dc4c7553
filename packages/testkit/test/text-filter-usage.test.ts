import { describeLineCheck, type LineFault } from "./support/source-scan.ts";

// The shared helpers themselves.
const exempt: Record<string, string> = {
  "packages/service-kit/src/text-filter.ts": "the one LIKE escaper",
  "packages/service-kit/src/paginate.ts": "the one pager",
  "packages/contracts/src/paging.ts": "the page arithmetic",
};

/**
 * Ways code has filtered text or paged a list without the shared helpers
 * (service-kit text-filter.ts and paginate.ts, contracts paging.ts and text.ts matchesSearch).
 */
const faults: LineFault[] = [
  ["passes text to Prisma contains/startsWith/endsWith unescaped (use containsFilter/prefixFilter)", /\b(contains|startsWith|endsWith): (?!escapeLike\()/],
  ["builds a LIKE pattern by hand (use likeContains/likePrefix)", /I?LIKE\s+(\$\{`|'%|\$\d+\s*\|\||\$\{[^}]*\}\s*\|\|)/i],
  ["filters text in memory by hand (use matchesSearch: case-insensitive, like every list)", /\.includes\(\s*(\w*[fF]ilter|typed|input\.\w+)\s*\)/],
  ["pages a list by hand (use paginate)", /\bpageOffset\(|OFFSET \$\{(?!offset\})|skip: (?!offset\b)/],
  ["reads a page number with Number()/coerce (use PageRequest)", /Number\([^)]*get\("page(Size)?"\)|\b(page(Size)?|limit): z\.coerce\./],
];

describeLineCheck("one text filter and one pager everywhere", {
  faults,
  exempt,
  examples: [
    ["...(input.name ? { professionalName: { contains: input.name } } : {})", true],
    ["where: { unitPath: { startsWith: who.scopePath } }", true],
    ["name: { endsWith: suffix }", true],
    ["AND unit_path LIKE ${who.scopePath} || '%'", true],
    ["WHERE path LIKE ${`${m.oldPath}%`}", true],
    ["u.name ILIKE ${`%${filter.name}%`}", true],
    ["WHERE ${column} LIKE $1 || '%'", true],
    ["name ILIKE '%' || ${q} || '%'", true],
    ['const matches = (r) => filter === "" || r.name.includes(filter);', true],
    ["rows.filter((r) => r.name.includes(input.name))", true],
    ["const matches = (r: DepartmentRecord) => matchesSearch(r.name, nameFilter);", false],
    ["LIMIT ${input.pageSize} OFFSET ${pageOffset(input)}", true],
    ["skip: (input.page - 1) * input.pageSize, take: input.pageSize", true],
    ['const page = Math.max(1, Number(url.searchParams.get("page")) || 1);', true],
    ["page: z.coerce.number().int().min(1).default(1),", true],
    ["  limit: z.coerce.number().int().min(1).max(50).default(20),", true],
    ["  limit: PositiveIntParam.pipe(z.number().max(50)).default(20),", false],
    ["...(input.name ? { professionalName: containsFilter(input.name) } : {})", false],
    ["where: { unitPath: prefixFilter(who.scopePath) }", false],
    ["AND unit_path LIKE ${likePrefix(who.scopePath)}", false],
    ["u.name ILIKE ${likeContains(filter.name)}", false],
    ["WHERE ${column} LIKE $3", false],
    ["LIMIT ${limit} OFFSET ${offset}", false],
    ["({ limit, offset }) => db.role.findMany({ where, skip: offset, take: limit })", false],
    ["const { page } = parseListQuery(PageRequest, url.searchParams);", false],
    ["// The blind index normalises like the validator", false],
    // Prose in a comment pages nothing (batch.ts: "the usual skip: another admin decided first").
    ["/** The message of the usual skip: another admin decided the record first. */", false],
    ["  * skip: the rows another admin decided", false],
  ],
  noneFound: "finds no text filter or list page built outside the shared helpers",
});
