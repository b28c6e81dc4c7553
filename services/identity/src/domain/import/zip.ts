// What an XLSX (a ZIP) says it holds, read from its central directory before anything is unpacked,
// so a decompression bomb is refused by its declared sizes.

/** The ZIP's declared contents: entries, their total unpacked bytes, and the largest entry's ratio of unpacked to packed bytes. */
export interface ZipSummary {
  entries: number;
  unpackedBytes: number;
  worstRatio: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads the end-of-central-directory record (searched in the last 65,557 bytes) and every central
 * directory entry's sizes. Returns null when the bytes are no ZIP a spreadsheet program writes
 * (no record, entries outside the file, ZIP64 sizes). Pure; never throws.
 */
export function zipSummary(bytes: Uint8Array): ZipSummary | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let unpackedBytes = 0;
  let worstRatio = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    if (packed === 0xffffffff || unpacked === 0xffffffff) return null;
    unpackedBytes += unpacked;
    worstRatio = Math.max(worstRatio, unpacked / Math.max(packed, 1));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries: count, unpackedBytes, worstRatio };
}

/** The most bytes an import's XLSX may unpack to (its parts together): 400 MB, ~20× the largest file taken. */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** Past this ratio a part larger than 10 MB unpacked is a bomb, not a spreadsheet (real sheets compress 5–20×). */
export const MAX_RATIO = 200;

/** Whether the declared contents are a plausible spreadsheet rather than a decompression bomb. Pure. */
export function plausibleSpreadsheet(summary: ZipSummary): boolean {
  return summary.unpackedBytes <= MAX_UNPACKED_BYTES && !(summary.worstRatio > MAX_RATIO && summary.unpackedBytes > 10 * 1024 * 1024);
}
