// GB/T 2260 administrative division codes: 山东省, its prefecture-level cities, and districts/counties of 济南 and 青岛.
import { z } from "zod";

export interface Region {
  code: string;
  name: string;
}

export const regions: readonly Region[] = [
  { code: "370000", name: "山东省" },
  { code: "370100", name: "济南市" },
  { code: "370200", name: "青岛市" },
  { code: "370300", name: "淄博市" },
  { code: "370400", name: "枣庄市" },
  { code: "370500", name: "东营市" },
  { code: "370600", name: "烟台市" },
  { code: "370700", name: "潍坊市" },
  { code: "370800", name: "济宁市" },
  { code: "370900", name: "泰安市" },
  { code: "371000", name: "威海市" },
  { code: "371100", name: "日照市" },
  // 371200 莱芜市 was merged into 济南 in 2019 (now 370116 莱芜区, 370117 钢城区), so it is absent.
  { code: "371300", name: "临沂市" },
  { code: "371400", name: "德州市" },
  { code: "371500", name: "聊城市" },
  { code: "371600", name: "滨州市" },
  { code: "371700", name: "菏泽市" },
  { code: "370102", name: "历下区" },
  { code: "370103", name: "市中区" },
  { code: "370104", name: "槐荫区" },
  { code: "370105", name: "天桥区" },
  { code: "370112", name: "历城区" },
  { code: "370113", name: "长清区" },
  { code: "370114", name: "章丘区" },
  { code: "370115", name: "济阳区" },
  { code: "370116", name: "莱芜区" },
  { code: "370117", name: "钢城区" },
  { code: "370124", name: "平阴县" },
  { code: "370126", name: "商河县" },
  { code: "370202", name: "市南区" },
  { code: "370203", name: "市北区" },
  { code: "370211", name: "黄岛区" },
  { code: "370212", name: "崂山区" },
  { code: "370213", name: "李沧区" },
  { code: "370214", name: "城阳区" },
  { code: "370215", name: "即墨区" },
  { code: "370281", name: "胶州市" },
  { code: "370283", name: "平度市" },
  { code: "370285", name: "莱西市" },
];

const byCode: ReadonlyMap<string, Region> = new Map(regions.map((r) => [r.code, r]));

export const RegionCode = z
  .string({ error: "请选择地区" })
  .regex(/^\d{6}$/, "地区代码应为6位数字")
  .refine((code) => byCode.has(code), "地区代码无效");
export type RegionCode = z.infer<typeof RegionCode>;

/** Chinese name for a region code; undefined for codes not in the list. */
export function regionName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/**
 * The enclosing region: district → city, city → province, province → undefined.
 * Derived from the code structure (PPCCDD); undefined when the code or its parent is not in the list.
 */
export function parentRegion(code: string): Region | undefined {
  if (!byCode.has(code) || code.endsWith("0000")) return undefined;
  const parent = code.endsWith("00") ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
  return byCode.get(parent);
}
