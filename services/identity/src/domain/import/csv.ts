// CSV as Chinese Excel saves it: UTF-8 with a BOM, UTF-8 without, GB18030/GBK ("CSV (逗号分隔)"),
// or UTF-16 with a BOM and tabs ("Unicode 文本"). Statistical detectors misread short GBK files as
// Big5 or Shift_JIS, so the encoding is decided by the BOM, else strict UTF-8, else GB18030 (STACK.md).

/** The encodings decodeCsv tells apart. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes a CSV file's bytes: a BOM decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE) and is
 * dropped; otherwise the bytes are UTF-8 if they decode strictly as UTF-8 (every byte sequence
 * valid), else GB18030 (a superset of GBK and GB2312). Pure; never throws.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The field separator of a CSV: a tab when the first line has more tabs than commas (Excel's "Unicode 文本"), else a comma. */
export function csvDelimiter(text: string): "," | "\t" {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  return count("\t") > count(",") ? "\t" : ",";
}

/**
 * The records of a CSV text (RFC 4180: fields in double quotes may hold the delimiter, line breaks
 * and "" for a quote; CRLF, LF or CR end a record), one array of fields at a time, lazily — a file
 * of a million empty lines costs nothing until read. A quote inside an unquoted field is kept as
 * text. Pure.
 */
export function* csvRecords(text: string, delimiter: "," | "\t" = csvDelimiter(text)): Generator<string[]> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(i);
            i = n;
            break;
          }
          field += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            field += '"';
            i++;
          } else break;
        }
        // Anything between the closing quote and the delimiter is kept, as Excel does.
        while (i < n && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") field += text[i++];
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") i++;
        field = text.slice(start, i);
      }
      record.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    yield record;
  }
}
