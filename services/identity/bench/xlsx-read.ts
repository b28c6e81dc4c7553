// One measurement for import.bench.ts, in its own process so its peak RSS is its own: reads an XLSX
// with exceljs's streaming WorkbookReader (sharedStrings 'cache' or 'emit', argv[3]) and prints
// { mode, rows, ms, maxRssMb } as JSON. With 'emit' the shared-string table is not kept: cells that
// point into it come back as indexes, so 'emit' alone cannot give the import its text.
import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";

const [file, mode] = process.argv.slice(2) as [string, "cache" | "emit"];
const started = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
  sharedStrings: mode,
  hyperlinks: "ignore",
  styles: "cache",
  worksheets: "emit",
  entries: "emit",
});
let rows = 0;
for await (const sheet of reader) {
  for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) rows++;
  break;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ mode, rows, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
