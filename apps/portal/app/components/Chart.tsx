import { useEffect, useId, useRef, useState } from "react";
import { type BarChartData, barChartOption } from "./chart-option.ts";

export type { BarChartData, ChartSeries } from "./chart-option.ts";
export { rowsChart } from "./chart-option.ts";

/**
 * A bar chart of a statistic (ECharts 6, SVG renderer), drawn in the browser only: the server and
 * a browser without script render the figure's caption and the same numbers as a table (for
 * screen readers always; visually hidden), then an effect loads ECharts, draws into the box,
 * follows its size (ResizeObserver; the category labels re-fitted to the new width) and disposes of the chart when the data changes or the page
 * leaves. The drawing is an image named `title` (role="img"); the table under it carries the figures.
 * Nothing in it is evaluated or written as HTML (see barChartOption), so it runs under the
 * portal's CSP (no unsafe-eval, no inline styles).
 */
export function Chart({ title, data, height = "h-72" }: { title: string; data: BarChartData; height?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [failed, setFailed] = useState(false);
  const empty = data.categories.length === 0;
  // Pages build `data` while rendering: the chart is redrawn when its figures change, not on every render.
  const figures = JSON.stringify(data);

  useEffect(() => {
    const el = box.current;
    if (!el || empty) return;
    let disposed = false;
    let cleanup = () => {};
    import("./echarts.client.ts")
      .then(({ echarts }) => {
        if (disposed) return;
        const chart = echarts.init(el, null, { renderer: "svg" });
        const chartData = JSON.parse(figures) as BarChartData;
        chart.setOption(barChartOption(chartData, el.clientWidth));
        // A new width re-fits the category labels (barChartOption's label room) before redrawing.
        const observer = new ResizeObserver(() => {
          chart.setOption(barChartOption(chartData, el.clientWidth));
          chart.resize();
        });
        observer.observe(el);
        cleanup = () => {
          observer.disconnect();
          chart.dispose();
        };
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [figures, empty]);

  return (
    <figure aria-labelledby={captionId} className="my-4 rounded border border-gray-200 bg-white p-3">
      <figcaption id={captionId} className="mb-2 text-sm font-medium text-gray-800">
        {title}
      </figcaption>
      {empty ? (
        <p className="py-6 text-center text-sm text-gray-500">没有数据</p>
      ) : (
        <>
          {failed ? <p className="py-6 text-center text-sm text-gray-500">图表未能加载，数据见表格。</p> : null}
          <div ref={box} role="img" aria-label={`${title}（柱状图）`} data-chart="bar" className={`w-full ${failed ? "hidden" : height}`} />
          <ChartTable title={title} data={data} />
        </>
      )}
    </figure>
  );
}

/**
 * The chart's numbers as a table for screen readers: one row per category, one column per series.
 * The wrapper is what is visually hidden: a table ignores `width: 1px` and would widen a phone's
 * page by its caption and header cells.
 */
function ChartTable({ title, data }: { title: string; data: BarChartData }) {
  const unit = data.unit ?? "";
  return (
    <div className="sr-only">
      <table>
        <caption>{title}（数据表）</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {data.series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.categories.map((category, i) => (
            // Two units may share a name: the position keeps the keys apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are never reordered
            <tr key={`${i}-${category}`}>
              <th scope="row">{category}</th>
              {data.series.map((s) => {
                const v = s.values[i];
                return <td key={s.name}>{v === null || v === undefined ? "—" : `${v}${unit}`}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
