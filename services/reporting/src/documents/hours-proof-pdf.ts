// 学时证明 as a PDF (issue 11 item 5): one A4 page, the Chinese text in Noto Serif CJK from the
// Debian package fonts-noto-cjk (embedded as a subset by pdfkit), the QR code of its verification
// URL drawn from a PNG made by qrcode. deploy/local/infra.sh installs the fonts; the Dockerfile's
// runtime stage does the same.
import { existsSync } from "node:fs";
import { HOURS_PROOF_TABLE_HEADER, HOURS_PROOF_TITLE, type HoursProof, hoursProofRows } from "@ce/contracts";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

/** Where fonts-noto-cjk puts its collections, and the faces used from them (PostScript names). */
export const PROOF_FONTS = {
  regular: { file: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", face: "NotoSerifCJKsc-Regular" },
  bold: { file: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", face: "NotoSerifCJKsc-Bold" },
} as const;

/** The issuing platform, as the portal's header prints it. */
export const PROOF_ISSUER = "山东省交通运输厅专业技术人员继续教育公共服务平台";

/** The font files a PDF needs and are missing (empty when it can be made). */
export function missingProofFonts(fonts: typeof PROOF_FONTS = PROOF_FONTS): string[] {
  return Object.values(fonts)
    .map((f) => f.file)
    .filter((file) => !existsSync(file));
}

/** The error raised when the fonts are missing: names the files and the package that brings them. */
export class ProofFontMissingError extends Error {
  constructor(files: string[]) {
    super(`学时证明 PDF needs the Debian package fonts-noto-cjk (missing: ${files.join(", ")}); install it (deploy/local/infra.sh does)`);
    this.name = "ProofFontMissingError";
  }
}

/** "2026-11-30" → "2026年11月30日". */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/**
 * The proof as PDF bytes (one A4 page, ~0.3 s): title, 证明编号, who (masked name and 证件号, unit),
 * the year's 公需 / 专业 / 合计 认定学时 and 认定结果, the issuer and issue date, and the QR code of
 * `verifyUrl` with the URL printed under it. Raises ProofFontMissingError when fonts-noto-cjk is
 * not installed. A revoked proof is the caller's to refuse; this draws what it is given.
 */
export async function renderHoursProofPdf(proof: HoursProof, verifyUrl: string, fonts: typeof PROOF_FONTS = PROOF_FONTS): Promise<Buffer> {
  const missing = missingProofFonts(fonts);
  if (missing.length > 0) throw new ProofFontMissingError(missing);
  const qr = await QRCode.toBuffer(verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 360 });

  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    info: { Title: `${HOURS_PROOF_TITLE} ${proof.proofNo}`, Author: PROOF_ISSUER, Subject: `${proof.year}年度继续教育学时` },
  });
  doc.registerFont("regular", fonts.regular.file, fonts.regular.face);
  doc.registerFont("bold", fonts.bold.file, fonts.bold.face);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const W = doc.page.width; // 595.28 pt
  const H = doc.page.height; // 841.89 pt
  const ink = "#1f2937";
  const accent = "#9f1239";
  // Frame: an outer and an inner rule.
  doc
    .lineWidth(2.5)
    .strokeColor(accent)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(36, 36, W - 72, H - 72)
    .stroke();

  const left = 80;
  const width = W - 160;
  doc.fillColor(ink).font("regular").fontSize(10).text(`证明编号：${proof.proofNo}`, left, 62, { width, align: "right" });
  doc.font("bold").fontSize(24).fillColor(accent).text(HOURS_PROOF_TITLE, left, 110, { width, align: "center", characterSpacing: 1.5 });
  doc
    .moveTo(left + 60, 156)
    .lineTo(W - left - 60, 156)
    .lineWidth(1)
    .strokeColor(accent)
    .stroke();

  doc.fillColor(ink).font("regular").fontSize(14);
  const body = `兹证明 ${proof.nameMasked}（证件号：${proof.idNumberMasked}），所在单位：${proof.unitName}，${proof.year}年度参加专业技术人员继续教育，经审核认定学时如下：`;
  doc.text(body, left, 190, { width, lineGap: 10, indent: 28 });

  // The hours table, in the words the proof page and 查验 use (contracts hoursProofRows): 计入科目 | 认定学时.
  const rows = hoursProofRows(proof);
  const tableTop = doc.y + 24;
  const rowH = 34;
  const col = width * 0.45;
  doc.lineWidth(0.8).strokeColor(ink);
  doc.rect(left, tableTop, width, rowH * (rows.length + 1)).stroke();
  for (let i = 1; i <= rows.length; i++) {
    doc
      .moveTo(left, tableTop + rowH * i)
      .lineTo(left + width, tableTop + rowH * i)
      .stroke();
  }
  doc
    .moveTo(left + col, tableTop)
    .lineTo(left + col, tableTop + rowH * (rows.length + 1))
    .stroke();
  const cell = (text: string, x: number, w: number, y: number, font: "regular" | "bold") =>
    doc
      .font(font)
      .fontSize(13)
      .fillColor(ink)
      .text(text, x, y + 9, { width: w, align: "center" });
  cell(HOURS_PROOF_TABLE_HEADER[0], left, col, tableTop, "bold");
  cell(HOURS_PROOF_TABLE_HEADER[1], left + col, width - col, tableTop, "bold");
  rows.forEach(([k, v], i) => {
    const y = tableTop + rowH * (i + 1);
    cell(k, left, col, y, i >= 2 ? "bold" : "regular");
    cell(v, left + col, width - col, y, i >= 2 ? "bold" : "regular");
  });

  const after = tableTop + rowH * (rows.length + 1) + 28;
  doc.font("regular").fontSize(14).fillColor(ink).text("特此证明。", left, after, { width, indent: 28 });

  // Issuer and date, right; QR code and how to verify, left.
  const footTop = H - 270;
  const qrSize = 110;
  const signX = left + qrSize + 10;
  const signW = width - qrSize - 10;
  doc
    .font("regular")
    .fontSize(13)
    .text(PROOF_ISSUER, signX, footTop + 30, { width: signW, align: "right", lineBreak: false });
  doc.text(`开具日期：${chineseDate(proof.issuedOn)}`, signX, footTop + 60, { width: signW, align: "right", lineBreak: false });
  doc.image(qr, left, footTop, { width: qrSize, height: qrSize });
  doc
    .fontSize(9)
    .fillColor("#4b5563")
    .text("扫码查验本证明", left, footTop + qrSize + 4, { width: qrSize, align: "center" });
  doc.fontSize(9).text(`查验网址：${verifyUrl}`, left, H - 120, { width, lineBreak: true });
  doc.text("本证明所列学时为开具时已审核认定且未作废的学时；证明是否有效以查验页面显示的状态为准。", left, H - 100, { width });
  doc.end();
  return done;
}
