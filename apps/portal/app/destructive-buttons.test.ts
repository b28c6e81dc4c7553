// Issue 13 / 11 follow-up: a button that deletes, voids, revokes, withdraws, disables or rejects for
// good asks first (撤回申报 and 撤销申请 did not). The one way is ConfirmSubmit (components/
// ConfirmDialog.tsx) — directly, or through RowAction's `confirm`, DecideOne, BatchReview. A static
// check over every .tsx file of the portal, so a new page cannot add such a button that posts at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sourceFiles } from "@ce/testkit";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The words of an irreversible action (the guide's buttons: 删除, 作废, 撤销, 撤回, 停用/禁用, 驳回, 不通过, 拒绝, 注销, 重置密码, 移除). */
const DESTRUCTIVE = /删除|作废|撤销|撤回|停用|禁用|驳回|不通过|拒绝|注销|重置密码|移除/;
/** A label that is itself the answer to a question already asked (roles' 确认删除 after the service said the role is in use). */
const ANSWER = /^(确认|确定)/;
/** Components whose destructive button is a ConfirmSubmit inside (their own files are checked too). */
const ASKING = new Set(["ConfirmSubmit", "DecideOne", "BatchReview", "DecisionReviewPage"]);

type Finding = { line: number; element: string; label: string; guarded: boolean };

/** Every string a node holds (JSX text, string and template literal parts), in order. */
function texts(node: ts.Node): string[] {
  if (ts.isJsxText(node)) return [node.text.trim()].filter(Boolean);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.flatMap((s) => [...texts(s.expression), s.literal.text])];
  if (ts.isJsxAttribute(node)) return node.initializer ? texts(node.initializer) : [];
  const out: string[] = [];
  node.forEachChild((c) => {
    out.push(...texts(c));
  });
  return out;
}

const destructive = (parts: string[]) => parts.filter((t) => !ANSWER.test(t)).some((t) => DESTRUCTIVE.test(t));

/**
 * The buttons of `source` (a .tsx file's text) whose label names an irreversible action: a plain
 * <button> that submits (not type="button"), a RowAction, or any component's `label` / `…Label` /
 * `labels` prop. `guarded`: a ConfirmSubmit (or a component built on it), or a RowAction with `confirm`.
 */
function destructiveButtons(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const line = (n: ts.Node) => file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1;
  const visit = (node: ts.Node) => {
    const opening = ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : null;
    if (opening) {
      const element = opening.tagName.getText(file);
      const attrs = new Map(opening.attributes.properties.filter(ts.isJsxAttribute).map((a) => [a.name.getText(file), a] as const));
      if (element === "button") {
        const type = attrs.get("type");
        const isPlain = type?.initializer && ts.isStringLiteral(type.initializer) && type.initializer.text === "button";
        const label = ts.isJsxElement(node) ? node.children.flatMap(texts) : [];
        if (!isPlain && destructive(label)) found.push({ line: line(node), element, label: label.join(""), guarded: false });
      } else if (/^[A-Z]/.test(element)) {
        for (const [name, attr] of attrs) {
          if (!/^label$|^labels$|Label$/.test(name)) continue;
          const label = texts(attr);
          if (!destructive(label)) continue;
          const guarded = ASKING.has(element) || (element === "RowAction" && attrs.has("confirm"));
          found.push({ line: line(attr), element, label: label.join(""), guarded });
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const appDir = fileURLToPath(new URL(".", import.meta.url));
const files = sourceFiles(appDir).filter((f) => f.endsWith(".tsx"));
const all = files.flatMap((f) => destructiveButtons(f, readFileSync(f, "utf8")).map((b) => ({ ...b, file: path.relative(appDir, f) })));

describe("every irreversible button asks first (ConfirmSubmit)", () => {
  it("finds the portal's destructive buttons (the check is not vacuous)", () => {
    const named = all.map((b) => `${b.file} ${b.label}`);
    for (const expected of [
      "routes/_app.hours.records.$declarationId.tsx 撤回申报",
      "routes/_app.unit.profile.tsx 撤销申请",
      "routes/_app.hours.approvals.$declarationId.tsx 驳回",
      "components/TransferTables.tsx 拒绝",
      "routes/_app.accounts.roles.tsx 删除",
    ]) {
      expect(named).toContain(expected);
    }
    expect(all.length).toBeGreaterThanOrEqual(15);
  });

  it("none posts without asking", () => {
    expect(all.filter((b) => !b.guarded).map((b) => `${b.file}:${b.line} <${b.element}> ${b.label}`)).toEqual([]);
  });

  it("catches a plain submit button, a RowAction without confirm and a SubmitRow; passes ConfirmSubmit and a type=button", () => {
    const source = `
      const a = <button type="submit">撤回申报</button>;
      const b = <button>删除</button>;
      const c = <RowAction intent="withdraw" values={{}} label="撤销申请" button />;
      const d = <SubmitRow label={ok ? "作废" : "保存"} />;
      const e = <ConfirmSubmit label="驳回" question={() => "确定驳回吗？"} className="" />;
      const f = <RowAction intent="remove" values={{}} label="删除" confirm={\`确定删除\${name}吗？\`} />;
      const g = <button type="button" aria-label="移除">×</button>;
      const h = <button type="submit">保存</button>;
      const i = <RowAction intent="delete" values={{}} label="确认删除" button />;
    `;
    expect(destructiveButtons("x.tsx", source).map((b) => [b.line, b.label, b.guarded])).toEqual([
      [2, "撤回申报", false],
      [3, "删除", false],
      [4, "撤销申请", false],
      [5, "作废保存", false],
      [6, "驳回", true],
      [7, "删除", true],
    ]);
  });
});
