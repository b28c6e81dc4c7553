/**
 * What a bar chart of the 查询统计 pages shows, as plain data, and the ECharts option drawn from
 * it. Pure (no DOM, no ECharts import), so the server renders the same numbers as a table and
 * the option is unit-tested.
 */

/** One bar series: its legend name and one value per category (null: no figure, e.g. 合格率 of nobody). */
export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

/** A bar chart: `categories` along the axis, one bar (or stacked segment) per series and category. */
export interface BarChartData {
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Series stacked into one bar per category (职称系列分布情况) instead of side by side. */
  stacked?: boolean;
  /** Shown after each figure in labels and tooltips ("%"); figures themselves stay plain numbers. */
  unit?: string;
  /** Upper end of the value axis (100 for a percentage); default: from the data. */
  max?: number;
  /** Bars along a vertical category axis (many or long categories: 职称系列), first category on top. */
  horizontal?: boolean;
}

/**
 * A bar chart of a table's rows: one category per row (`category` of it), one series per entry of
 * `series` — its legend name and the row's figure —, and the chart's other settings (`unit`, `max`,
 * `stacked`, `horizontal`) from `rest`.
 */
export function rowsChart<R>(
  rows: readonly R[],
  category: (row: R) => string,
  series: readonly (readonly [name: string, value: (row: R) => number | null])[],
  rest: Omit<BarChartData, "categories" | "series"> = {},
): BarChartData {
  return { categories: rows.map(category), series: series.map(([name, value]) => ({ name, values: rows.map(value) })), ...rest };
}

// The platform's blues and a few distinct companions, in legend order.
const PALETTE = ["#1d4ed8", "#16a34a", "#f59e0b", "#9ca3af", "#dc2626", "#7c3aed"];

/** Category labels longer than this are cut with … on the axis (the table and tooltip keep them whole). */
const AXIS_LABEL_CHARS = 8;

/** A category label as the axis prints it: at most AXIS_LABEL_CHARS characters, then …. */
export function axisLabel(text: string): string {
  const chars = [...text];
  return chars.length > AXIS_LABEL_CHARS ? `${chars.slice(0, AXIS_LABEL_CHARS).join("")}…` : text;
}

/** Room the value axis's figures and the grid's margins take from a chart's width (px), before the categories share the rest. */
const VALUE_AXIS_PX = 64;
/** A category slot narrower than this (px) turns its label 45° (room for about three characters side by side). */
const UPRIGHT_LABEL_MIN_PX = 44;
/** The longest a label may run (px): along the axis when upright, along its slant when turned. */
const LABEL_MAX_PX = 120;

/**
 * How a category axis prints its labels in a chart `width` px wide (undefined: not yet measured,
 * e.g. in a unit test): every label shown (`interval: 0`) and never over its neighbour — each cut
 * with … to its share of the axis (`width` + `overflow: "truncate"`, ECharts' own text layout),
 * turned 45° when that share is too narrow to read upright, any overlap left hidden
 * (`hideOverlap`). A horizontal chart's labels stand one above the other and are only cut to
 * LABEL_MAX_PX (at most a third of the chart).
 */
export function categoryLabel(data: BarChartData, width: number | undefined) {
  const base = { interval: 0, formatter: axisLabel, overflow: "truncate" as const, ellipsis: "…", hideOverlap: true };
  if (data.horizontal) {
    return { ...base, rotate: 0, width: width === undefined ? LABEL_MAX_PX : Math.min(LABEL_MAX_PX, Math.floor(width / 3)) };
  }
  if (width === undefined) return { ...base, rotate: data.categories.length > 6 ? 30 : 0, width: LABEL_MAX_PX };
  const slot = Math.floor((width - VALUE_AXIS_PX) / Math.max(1, data.categories.length));
  return slot < UPRIGHT_LABEL_MIN_PX ? { ...base, rotate: 45, width: LABEL_MAX_PX } : { ...base, rotate: 0, width: Math.min(LABEL_MAX_PX, slot - 6) };
}

/**
 * The ECharts option for `data` drawn `width` px wide (its category labels fitted by
 * categoryLabel; undefined before the box is measured): no animation (nothing to wait for, and the SVG renderer then
 * writes no <style> element the CSP would refuse), tooltips drawn inside the chart
 * (`renderMode: "richText"`: never HTML, so a unit's name cannot inject markup and no inline
 * style attributes are written), category labels shortened by `axisLabel` and fitted, a figure
 * over each bar unless it would overprint another, a legend when there is more than one series;
 * `horizontal` swaps the axes. Values are copied unchanged; `null` stays a gap.
 */
export function barChartOption(data: BarChartData, width?: number) {
  const unit = data.unit ?? "";
  const many = data.series.length > 1;
  const categoryAxis = {
    type: "category" as const,
    data: data.categories.map((c) => c),
    axisLabel: categoryLabel(data, width),
  };
  const valueAxis = {
    type: "value" as const,
    minInterval: 1,
    ...(data.max === undefined ? {} : { max: data.max }),
    axisLabel: { formatter: `{value}${unit}` },
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif' },
    grid: { left: 8, right: 16, top: many ? 40 : 16, bottom: 8, containLabel: true },
    legend: many ? { show: true, top: 0, data: data.series.map((s) => s.name) } : { show: false },
    tooltip: {
      trigger: "axis" as const,
      renderMode: "richText" as const,
      axisPointer: { type: "shadow" as const },
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${v}${unit}` : "—"),
    },
    ...(data.horizontal ? { xAxis: valueAxis, yAxis: { ...categoryAxis, inverse: true } } : { xAxis: categoryAxis, yAxis: valueAxis }),
    series: data.series.map((s) => ({
      name: s.name,
      type: "bar" as const,
      data: s.values.map((v) => v),
      maxBarWidth: 48,
      ...(data.stacked
        ? { stack: "total" }
        : {
            label: { show: true, position: data.horizontal ? ("right" as const) : ("top" as const), formatter: `{c}${unit}` },
            // Bars narrower than their figures (many categories on a phone): a figure that would overprint its neighbour is left out (the table has it).
            labelLayout: { hideOverlap: true },
          }),
    })),
  };
}
