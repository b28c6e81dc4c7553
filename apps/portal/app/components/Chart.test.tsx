import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Chart } from "./Chart.tsx";
import { axisLabel, barChartOption, categoryLabel, rowsChart } from "./chart-option.ts";

const passRates = {
  categories: ["济南公共交通集团有限公司", "烟台港"],
  series: [{ name: "合格率", values: [62.5, null] }],
  unit: "%",
  max: 100,
};

const titles = {
  categories: ["工程技术", "卫生技术"],
  series: [
    { name: "初级", values: [1, 0] },
    { name: "中级", values: [3, 2] },
    { name: "高级", values: [0, 1] },
    { name: "无", values: [2, 0] },
  ],
  stacked: true,
};

describe("rowsChart", () => {
  it("makes one category per row and one series per named figure, the chart's settings kept", () => {
    const rows = [
      { unitName: "济南公共交通集团有限公司", passRate: 62.5 },
      { unitName: "烟台港", passRate: null },
    ];
    expect(rowsChart(rows, (r) => r.unitName, [["合格率", (r) => r.passRate]], { unit: "%", max: 100 })).toEqual(passRates);
    expect(rowsChart(rows, (r) => r.unitName, [])).toEqual({ categories: ["济南公共交通集团有限公司", "烟台港"], series: [] });
  });
});

describe("barChartOption", () => {
  it("draws the figures unchanged, a gap for a missing one, on a 0–100 % axis", () => {
    const option = barChartOption(passRates);
    expect(option.xAxis).toMatchObject({ type: "category", data: passRates.categories });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]?.data).toEqual([62.5, null]);
    expect(option.yAxis).toMatchObject({ type: "value", max: 100, axisLabel: { formatter: "{value}%" } });
    expect(option.series[0]).toMatchObject({ type: "bar", label: { show: true, formatter: "{c}%" } });
    expect(option.legend.show).toBe(false);
  });

  it("stacks the series of a distribution into one bar per category, with a legend", () => {
    const option = barChartOption(titles);
    expect(option.series.map((s) => [s.name, s.data, "stack" in s ? s.stack : undefined])).toEqual([
      ["初级", [1, 0], "total"],
      ["中级", [3, 2], "total"],
      ["高级", [0, 1], "total"],
      ["无", [2, 0], "total"],
    ]);
    expect(option.legend).toMatchObject({ show: true, data: ["初级", "中级", "高级", "无"] });
  });

  it("swaps the axes for a horizontal chart, the first category on top", () => {
    const option = barChartOption({ ...titles, horizontal: true });
    expect(option.yAxis).toMatchObject({ type: "category", data: ["工程技术", "卫生技术"], inverse: true });
    expect(option.xAxis).toMatchObject({ type: "value" });
    expect(barChartOption(passRates).xAxis).toMatchObject({ type: "category" });
  });

  it("never writes HTML or animates: tooltips inside the SVG, no animation (no <style> for the CSP to refuse)", () => {
    const option = barChartOption(titles);
    expect(option.animation).toBe(false);
    expect(option.tooltip.renderMode).toBe("richText");
    expect(option.tooltip.valueFormatter(3)).toBe("3");
    expect(barChartOption(passRates).tooltip.valueFormatter(null)).toBe("—");
  });

  it.each([
    ["烟台港", "烟台港"],
    ["山东高速集团有限", "山东高速集团有限"],
    ["济南公共交通集团有限公司", "济南公共交通集团…"],
  ])("labels the axis with %j as %j", (name, label) => {
    expect(axisLabel(name)).toBe(label);
  });
});

describe("categoryLabel", () => {
  const units = { categories: ["济南公共交通集团有限公司", "济南市公路事业发展中心", "济南轨道交通集团有限公司"], series: [] };
  const many = { categories: Array.from({ length: 12 }, (_, i) => `单位${i + 1}`), series: [] };

  it("gives each label of a 316 px phone chart its share of the axis, upright and cut with …, so neighbours never overprint", () => {
    const label = categoryLabel(units, 316);
    expect(label).toMatchObject({ interval: 0, rotate: 0, overflow: "truncate", ellipsis: "…", hideOverlap: true });
    expect(label.width * units.categories.length).toBeLessThanOrEqual(316 - 64);
    expect(label.width).toBeGreaterThanOrEqual(60);
  });

  it("turns the labels 45° where a category's share is too narrow to read upright, and keeps them upright on a wide screen", () => {
    expect(categoryLabel(many, 316)).toMatchObject({ rotate: 45, width: 120 });
    expect(categoryLabel(many, 1200)).toMatchObject({ rotate: 0 });
    expect(categoryLabel(units, 1200)).toMatchObject({ rotate: 0, width: 120 });
  });

  it("cuts a horizontal chart's labels to a third of its width at most; before measuring, the old 30° rule for many categories", () => {
    expect(categoryLabel({ ...units, horizontal: true }, 300)).toMatchObject({ rotate: 0, width: 100 });
    expect(categoryLabel(many, undefined)).toMatchObject({ rotate: 30 });
    expect(categoryLabel(units, undefined)).toMatchObject({ rotate: 0 });
    expect(barChartOption(units, 316).xAxis.axisLabel).toEqual(categoryLabel(units, 316));
  });
});

describe("Chart on the server", () => {
  it("renders a named figure whose drawing box is an image and whose table holds the same numbers", () => {
    const html = renderToStaticMarkup(<Chart title="各单位合格率" data={passRates} />);
    expect(html).toMatch(/<figure aria-labelledby="([^"]+)"[^>]*><figcaption id="\1"[^>]*>各单位合格率<\/figcaption>/);
    expect(html).toMatch(/role="img" aria-label="各单位合格率（柱状图）"/);
    const cells = [...html.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
    expect(cells).toEqual(["项目", "合格率", "济南公共交通集团有限公司", "62.5%", "烟台港", "—"]);
    // The wrapper is hidden, not the table: a table ignores sr-only's 1px width and widened phone pages.
    expect(html).toMatch(/<div class="sr-only"><table><caption>各单位合格率（数据表）<\/caption>/);
  });

  it("says 没有数据 instead of drawing an empty chart", () => {
    const html = renderToStaticMarkup(<Chart title="各单位合格率" data={{ categories: [], series: [{ name: "合格率", values: [] }] }} />);
    expect(html).toContain("没有数据");
    expect(html).not.toContain('role="img"');
  });
});
