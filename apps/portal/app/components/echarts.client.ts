// ECharts as the portal uses it, loaded in the browser only (Chart.tsx imports this lazily): the
// core, bar charts, the grid, tooltip and legend, label layout (the bars' figures' hideOverlap) and
// the SVG renderer — nothing else, so none of ECharts' eval-like paths (GeoJSON strings) is even
// in the bundle.
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, LabelLayout, SVGRenderer]);

export { echarts };
