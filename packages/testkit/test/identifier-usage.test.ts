import { describeLineCheck, type LineFault } from "./support/source-scan.ts";

// The one normaliser of typed identifiers, and why others are exempt.
const exempt: Record<string, string> = {
  "packages/contracts/src/validation/identifier.ts": "the identifier normaliser itself",
  "services/identity/src/domain/captcha.ts": "a captcha answer is lower-cased and never stored: not an identifier",
};

/**
 * Ways code has taken an ID number, credit/org code or phone number as typed without the one
 * normaliser (packages/contracts/src/validation/identifier.ts): full-width digits, invisible
 * characters or dash variants then slip through or are refused at that boundary only.
 */
const faults: LineFault[] = [
  ["folds Unicode itself (use normalizeIdentifier)", /\.normalize\(\s*["']NFKC?["']\s*\)/],
  ["trims and upper-cases an identifier itself (use normalizeIdentifier)", /\.trim\(\)\s*\.toUpperCase\(\)/],
  [
    "takes an identifier as a plain trimmed string (use identifierField/UnitCode/MobilePhone/Landline)",
    /\b(idNumber|phone|mobile|landline|code|creditCode|orgCode)\s*:\s*z\s*\.string\([^)]*\)\s*\.trim\(\)/,
  ],
  ["takes an identifier as free text (use identifierField/UnitCode)", /\b(idNumber|code)\s*:\s*text\(/],
  ["checks a mobile number by regex without normalizing (use MobilePhone)", /regex\(\/\^1\[3-9\]/],
];

describeLineCheck("one normaliser for identifiers people type or paste", {
  faults,
  exempt,
  examples: [
    ['return raw.normalize("NFKC").replace(/\\s+/g, "").toUpperCase();', true],
    ["const upper = input.trim().toUpperCase();", true],
    ['const idNumber = z.string({ error: "请输入证件号" }).trim().min(1);', false],
    ['  idNumber: z.string({ error: "请输入证件号" }).trim().min(1, "请输入证件号"),', true],
    ["  code: z.string().trim().max(20),", true],
    ["  phone: z.string().trim().regex(/^1[3-9]\\d{9}$/),", true],
    ['  idNumber: text("证件号", 32),', true],
    ['  code: text("机构代码/统一社会信用代码", 20),', true],
    ['  idNumber: identifierField("证件号", 32),', false],
    ["  code: UnitCode,", false],
    ["  code: z.string().nullable(),", false],
    ["  phone: MobilePhone,", false],
    ['  name: z.string().trim().min(1, "请输入姓名"),', false],
    ['const upper = prefix.toUpperCase().replace(/-/g, "_");', false],
  ],
  noneFound: "finds no identifier boundary outside the one normaliser",
});
