import { describe, expect, it } from "vitest";
import { ApproveInput, CreateDepartmentInput, CreateRoleInput, DeclareInput, ListAdminsInput, RejectInput } from "./index.ts";
import { MultiLineText, matchesSearch, OpaqueToken, SearchText, SingleLineText, textFault, trimInvisible } from "./text.ts";

const name = SingleLineText({ label: "部门名称", min: 1, max: 10 });
const note = MultiLineText({ label: "驳回说明", max: 20 });

const refusedBy = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe("textFault", () => {
  // [what, input, multiLine, expected]
  const cases: [string, string, boolean, ReturnType<typeof textFault>][] = [
    ["plain Chinese", "济南市交通运输局", false, null],
    ["emoji (a valid surrogate pair)", "培训😀班", false, null],
    ["astral CJK (U+20000)", "\u{20000}", false, null],
    ["NUL", "a\u0000b", false, "control"],
    ["NUL in multi-line", "a\u0000b", true, "control"],
    ["BEL", "\u0007", true, "control"],
    ["ESC (terminal escape)", "\u001b[31m红", false, "control"],
    ["DEL", "x\u007f", false, "control"],
    ["C1 NEL", "x\u0085", true, "control"],
    ["C1 CSI", "x\u009b", false, "control"],
    ["LF in one line", "第一行\n第二行", false, "control"],
    ["TAB in one line", "a\tb", false, "control"],
    ["LF in multi-line", "第一行\n第二行", true, null],
    ["TAB in multi-line", "a\tb", true, null],
    ["lone high surrogate", "a\uD83D", false, "surrogate"],
    ["lone low surrogate", "\uDE00b", true, "surrogate"],
    ["reversed pair", "\uDE00\uD83D", false, "surrogate"],
    ["U+FFFE", "\uFFFE", false, "noncharacter"],
    ["U+FFFF", "x\uFFFF", true, "noncharacter"],
    ["U+FDD0", "\uFDD0", false, "noncharacter"],
    ["U+10FFFF", "\u{10FFFF}", false, "noncharacter"],
    ["U+1FFFE", "\u{1FFFE}", false, "noncharacter"],
    ["RLO (Trojan Source)", "abc\u202Efed", false, "bidi"],
    ["LRI isolate", "\u2066x\u2069", true, "bidi"],
    ["ZWJ is fine (emoji sequences)", "👨\u200D👩", false, null],
    ["no-break space is fine", "a\u00A0b", false, null],
  ];
  it.each(cases)("%s", (_what, input, multiLine, expected) => {
    expect(textFault(input, multiLine)).toBe(expected);
  });
});

describe("SingleLineText / MultiLineText", () => {
  it.each([
    ["a\u0000", "部门名称含有不允许的字符（控制字符或不可见的格式字符），请删除后重试"],
    ["\u202E名称", "部门名称含有不允许的字符（控制字符或不可见的格式字符），请删除后重试"],
    ["   ", "请填写部门名称"],
    ["一二三四五六七八九十一", "部门名称不能超过10个字"],
    [42, "请填写部门名称"],
    [null, "请填写部门名称"],
  ])("refuses %j with a message naming the field", (input, message) => {
    expect(refusedBy(name, input)).toContain(message);
  });

  it("trims, and keeps what is fine", () => {
    expect(name.parse("  办公室 ")).toBe("办公室");
    expect(note.parse("第一行\r\n第二行\r三")).toBe("第一行\n第二行\n三");
  });

  it("composes with optional and default", () => {
    expect(SearchText("姓名").parse(undefined)).toBeUndefined();
    expect(SearchText("姓名").safeParse("张\u0000").success).toBe(false);
    expect(OpaqueToken("无效").safeParse("abc\u0000").success).toBe(false);
    expect(OpaqueToken("无效").parse("k3-x_9")).toBe("k3-x_9");
  });
});

describe("a value of only invisible characters is blank", () => {
  it.each([
    ["zero-width space", "\u200B", ""],
    ["soft hyphen", "\u00AD", ""],
    ["zero-width joiner and non-joiner", "\u200D\u200C", ""],
    ["word joiner", "\u2060", ""],
    ["left-to-right mark", "\u200E", ""],
    ["BOM", "\uFEFF", ""],
    ["Mongolian vowel separator", "\u180E", ""],
    ["Hangul filler", "\u3164", ""],
    ["ideographic space and NBSP around ZWSP", "\u3000\u200B\u00A0", ""],
    ["edges trimmed, inner kept", "\u200B张\u200B三\u00AD", "张\u200B三"],
    ["emoji ZWJ sequence kept", "王👩\u200D💻", "王👩\u200D💻"],
    ["bidi override stays for textFault", "\u202E名称", "\u202E名称"],
  ])("%s", (_what, input, expected) => {
    expect(trimInvisible(input)).toBe(expected);
  });

  it.each(["\u200B", "\u00AD", "\u2060\u200E", " \u3164 "])("%j is refused where required and no filter in a search box", (input) => {
    expect(refusedBy(name, input)).toContain("请填写部门名称");
    expect(SearchText("姓名").parse(input)).toBe("");
  });

  it("a 调减说明 of zero-width spaces counts as none, so lowering 认定学时 still needs a reason", () => {
    expect(ApproveInput.parse({ declarationId: "8c0c7f8e-2f5c-4d8e-9d51-4e6f7a1b2c3d", recognizedHours: 2, reason: "\u200B\n\u200B" }).reason).toBe("");
  });
});

describe("every free-text input schema refuses control characters", () => {
  // [schema, a valid input, the field to poison]
  const declare = {
    professionalId: "5b1f6a4e-0c1d-4f7a-9b8e-2d3c4b5a6f70",
    year: 2026,
    formCode: "TRAINING",
    schoolName: "山东交通学院",
    className: "桥梁养护班",
    startDate: "2026-03-01",
    endDate: "2026-03-02",
    score: "合格",
    requestedHours: 8,
    subject: "PROFESSIONAL",
    attachments: [{ name: "a.png", contentBase64: "iVBORw0KGgo=" }],
  };
  const cases: [string, { safeParse(v: unknown): { success: boolean } }, Record<string, unknown>, string][] = [
    ["department name", CreateDepartmentInput, { name: "办公室", sortOrder: 1 }, "name"],
    ["role name", CreateRoleInput, { name: "审核员", permissions: ["hours.approve"] }, "name"],
    ["admin name filter", ListAdminsInput, { name: "张" }, "name"],
    ["declaration school", DeclareInput, declare, "schoolName"],
    ["declaration class", DeclareInput, declare, "className"],
    ["declaration score", DeclareInput, declare, "score"],
    ["declaration content", DeclareInput, { ...declare, content: "内容" }, "content"],
    ["调减说明 of an approval", ApproveInput, { declarationId: declare.professionalId, recognizedHours: 4, reason: "材料只证明4学时" }, "reason"],
    ["reject reason", RejectInput, { declarationId: declare.professionalId, reasonCode: "OTHER", reason: "说明" }, "reason"],
  ];
  it.each(cases)("%s", (_what, schema, valid, field) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const bad of ["\u0000", "\u001b", "\uD800", "\u202E", "\uFFFF"]) {
      expect(schema.safeParse({ ...valid, [field]: `x${bad}y` }).success).toBe(false);
    }
  });
});

// In memory a search box means what ILIKE with escaped wildcards means in SQL (service-kit text-filter.ts).
describe("matchesSearch: a case-insensitive literal contains", () => {
  it.each([
    ["张_三", "_", true],
    ["张三", "_", false],
    ["100%达标", "%", true],
    ["100分达标", "100%", false],
    ["a\\b", "\\", true],
    ["ABC公司", "abc", true],
    ["Abc", "ABC", true],
    ["运输处", "运输", true],
    ["运输处", "输运", false],
    ["运输处", undefined, true],
    ["运输处", null, true],
    ["运输处", "", true],
    ["运输处", "  ", true],
    ["运输处", " 运输 ", true],
  ] as const)("%j with filter %j → %s", (value, typed, expected) => {
    expect(matchesSearch(value, typed)).toBe(expected);
  });
});

describe("one line of text holds no invisible characters inside (probe: six 部门名称 “Hd” that look the same)", () => {
  it.each([
    ["zero-width space", "H\u200Bd", "Hd"],
    ["right-to-left mark", "H\u200Fd", "Hd"],
    ["left-to-right mark", "H\u200Ed", "Hd"],
    ["Arabic letter mark", "H\u061Cd", "Hd"],
    ["tag characters", "H\u{E0041}\u{E0042}d", "Hd"],
    ["combining grapheme joiner", "H\u034Fd", "Hd"],
    ["Mongolian vowel separator", "H\u180Ed", "Hd"],
    ["soft hyphen", "办\u00AD公室", "办公室"],
    ["word joiner", "办\u2060公室", "办公室"],
    ["Hangul filler inside", "张\u3164三", "张三"],
    ["zero-width non-joiner", "张\u200C三", "张三"],
    ["emoji ZWJ sequence kept", "王👩\u200D💻", "王👩\u200D💻"],
    ["no-break space kept (visible as a space)", "a\u00A0b", "a\u00A0b"],
  ])("%s", (_what, input, expected) => {
    expect(name.parse(input)).toBe(expected);
  });

  it.each([
    ["line separator", "第一行\u2028第二行"],
    ["paragraph separator", "a\u2029b"],
  ])("refuses a %s in one line, and keeps it as a line break in several", (_what, input) => {
    expect(refusedBy(name, input)).toContain("部门名称含有不允许的字符（控制字符或不可见的格式字符），请删除后重试");
    expect(note.parse(input)).toBe(input.replace(/[\u2028\u2029]/, "\n"));
  });

  it("a name of Braille blanks is blank", () => {
    expect(refusedBy(name, "\u2800\u2800")).toContain("请填写部门名称");
  });

  it("bidi overrides inside are still refused, not silently removed", () => {
    expect(refusedBy(name, "H\u202Ed")).toContain("部门名称含有不允许的字符（控制字符或不可见的格式字符），请删除后重试");
  });
});
