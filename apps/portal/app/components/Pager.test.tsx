import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager, pageWindow } from "./Pager.tsx";

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));

describe("Pager", () => {
  it("prints the guide's pager for three rows on one page", () => {
    const html = renderToStaticMarkup(<Pager page={1} pageSize={20} total={3} />);
    expect(textOf(html)).toBe("第1/1页 共3条 显示第1到3条 首页 1 尾页");
  });

  it("prints one empty page, without page links, when there are no rows", () => {
    const html = renderToStaticMarkup(<Pager page={1} pageSize={20} total={0} />);
    expect(textOf(html)).toBe("第1/1页 共0条 显示第0到0条");
    expect(hrefs(html)).toEqual([]);
  });

  it("prints the second of three pages of 45 rows, the current page not being a link", () => {
    const html = renderToStaticMarkup(<Pager page={2} pageSize={20} total={45} query="name=济南&nature=GOVERNMENT&page=2" />);
    expect(textOf(html)).toBe("第2/3页 共45条 显示第21到40条 首页 1 2 3 尾页");
    const links = hrefs(html).map((h) => new URLSearchParams(h.slice(1)));
    // 首页, 1, 3, 尾页 — page 2 is plain text.
    expect(links.map((p) => p.get("page"))).toEqual(["1", "1", "3", "3"]);
    for (const p of links) {
      expect(p.get("name")).toBe("济南");
      expect(p.get("nature")).toBe("GOVERNMENT");
    }
    expect(html).toMatch(/<span aria-current="page"[^>]*>2<\/span>/);
  });

  it("pages one of two tables on a page by its own parameter, keeping the other's, and is named for it", () => {
    const html = renderToStaticMarkup(<Pager page={1} pageSize={20} total={45} query="tab=records&inPage=3" param="outPage" label="人员转出记录分页" />);
    expect(html).toContain('aria-label="人员转出记录分页"');
    const links = hrefs(html).map((h) => new URLSearchParams(h.slice(1)));
    expect(links.map((p) => p.get("outPage"))).toEqual(["1", "2", "3", "3"]);
    for (const p of links) {
      expect(p.get("inPage")).toBe("3");
      expect(p.get("tab")).toBe("records");
      expect(p.has("page")).toBe(false);
    }
  });

  it.each([
    [2, 18, "第1/1页 共18条 显示第1到18条 首页 1 尾页"],
    [1000, 18, "第1/1页 共18条 显示第1到18条 首页 1 尾页"],
    [5, 45, "第3/3页 共45条 显示第41到45条 首页 1 2 3 尾页"],
  ])("prints page %i over %i rows as the last page, its figures agreeing: %s", (page, total, text) => {
    const html = renderToStaticMarkup(<Pager page={page} pageSize={20} total={total} />);
    expect(textOf(html)).toBe(text);
  });

  it("shows at most ten page numbers around the current page", () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 30)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pageWindow(15, 30)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(pageWindow(30, 30)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(pageWindow(1, 0)).toEqual([]);
  });
});
