import { Link } from "@remix-run/react";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { TextLink } from "./TextLink.tsx";

// Every in-app text link draws the same: Remix's Link with the one class, the rest passed through.
describe("TextLink", () => {
  it.each([
    ["a plain link", { to: "/account/password", children: "修改密码" }],
    ["an aria-label and a search", { to: "?way=PROFESSIONAL", "aria-label": "继续新增管理员", children: "继续新增" }],
  ])("%s: a Link with text-blue-700 hover:underline", (_, props) => {
    const link = TextLink(props) as ReactElement<Record<string, unknown>>;
    expect(link.type).toBe(Link);
    expect(link.props).toEqual({ ...props, className: "text-blue-700 hover:underline" });
  });
});
