import { type EducationCode, generateCreditCode, generateResidentId, type TitleLevelCode, type TitleSeriesCode } from "@ce/contracts";
import type { NewUnit } from "../domain/units.ts";
import { femaleGivenNames, majors, maleGivenNames, surnames } from "./names.ts";
import { pickWith, seededRandom } from "./seeded-random.ts";

/**
 * The demo organisation tree, its admins and 300 professionals. Everything is computed from
 * fixed inputs, so the same ID numbers come out on every machine and demo-logins.ts can list
 * them without a database.
 */
export const DEMO_PASSWORD = "Ce123456";

export interface DemoUnit extends Omit<NewUnit, "id" | "superiorId" | "code" | "status" | "region" | "industry"> {
  key: string;
  region: string;
  industry: string;
  superior: string | null;
  code: string;
  admin: { name: string; idNumber: string; phone: string; email: string };
}

type UnitLine = [
  key: string,
  name: string,
  superior: string | null,
  kind: NewUnit["kind"],
  nature: NewUnit["nature"],
  region: string,
  industry: string,
  admin: string,
];

const lines: UnitLine[] = [
  ["sd", "山东省交通运输厅", null, "AUTHORITY", "GOVERNMENT", "370000", "G", "山东交通厅管理员"],
  ["jn", "济南市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370100", "G", "济南交通局管理员"],
  ["qd", "青岛市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370200", "G", "青岛交通局管理员"],
  ["zb", "淄博市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370300", "G", "淄博交通局管理员"],
  ["yt", "烟台市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370600", "G", "烟台交通局管理员"],
  ["wf", "潍坊市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370700", "G", "潍坊交通局管理员"],
  ["jining", "济宁市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "370800", "G", "济宁交通局管理员"],
  ["jn-road", "济南市公路事业发展中心", "jn", "EMPLOYER", "PUBLIC_INSTITUTION", "370102", "G", "济南公路中心管理员"],
  ["jn-bus", "济南公共交通集团有限公司", "jn", "EMPLOYER", "ENTERPRISE", "370103", "G", "济南公交集团管理员"],
  ["jn-metro", "济南轨道交通集团有限公司", "jn", "EMPLOYER", "ENTERPRISE", "370112", "G", "济南轨道交通管理员"],
  ["qd-metro", "青岛地铁集团有限公司", "qd", "EMPLOYER", "ENTERPRISE", "370202", "G", "青岛地铁管理员"],
  ["qd-port", "青岛港国际股份有限公司", "qd", "EMPLOYER", "ENTERPRISE", "370211", "G", "青岛港管理员"],
  ["qd-design", "青岛市交通规划设计院", "qd", "EMPLOYER", "PUBLIC_INSTITUTION", "370203", "M", "青岛交通设计院管理员"],
  ["zb-bus", "淄博市公共汽车公司", "zb", "EMPLOYER", "ENTERPRISE", "370300", "G", "淄博公交管理员"],
  ["zb-road", "淄博市公路事业发展中心", "zb", "EMPLOYER", "PUBLIC_INSTITUTION", "370300", "G", "淄博公路中心管理员"],
  ["yt-port", "烟台港集团有限公司", "yt", "EMPLOYER", "ENTERPRISE", "370600", "G", "烟台港管理员"],
  ["sd-hsg", "山东高速集团有限公司", "sd", "EMPLOYER", "ENTERPRISE", "370102", "G", "山东高速管理员"],
  ["sd-design", "山东省交通规划设计院集团有限公司", "sd", "EMPLOYER", "ENTERPRISE", "370102", "M", "山东交通设计院管理员"],
  ["sd-base", "山东交通职业学院继续教育基地", "sd", "TRAINING_BASE", "PUBLIC_INSTITUTION", "370700", "P", "交通职院基地管理员"],
];

// GB 32100 registration authority + category: 11 机关, 12 事业单位, 91 enterprise.
const creditPrefix: Record<NewUnit["nature"], string> = {
  GOVERNMENT: "11",
  PUBLIC_INSTITUTION: "12",
  ENTERPRISE: "91",
  SOCIAL_ORGANIZATION: "51",
  OTHER: "91",
};

export const demoUnits: DemoUnit[] = lines.map(([key, name, superior, kind, nature, region, industry, adminName], i) => ({
  key,
  name,
  superior,
  kind,
  nature,
  region,
  industry,
  trainingLevel: kind === "TRAINING_BASE" ? "INDUSTRY" : null,
  code: generateCreditCode(region, String(37_005_100 + i * 7_919).slice(0, 8), creditPrefix[nature]),
  admin: {
    name: adminName,
    // The admin's own ID: born in the 1970s–80s where the unit is, sequence numbers 9xx (never used by professionals).
    idNumber: generateResidentId(region.endsWith("0000") ? "370102" : region, new Date(Date.UTC(1972 + (i % 15), i % 12, 3 + i)), 901 + i),
    phone: `1530531${String(1000 + i * 37).padStart(4, "0")}`,
    email: `${key}.admin@example.com`,
  },
}));

export interface DemoProfessional {
  idNumber: string;
  name: string;
  phone: string;
  email: string;
  unitKey: string;
  status: "APPROVED" | "PENDING";
  education: EducationCode;
  titleSeries: TitleSeriesCode;
  titleLevel: TitleLevelCode;
  qualification: string;
  major: string;
  certificateNo: string | null;
}

// Qualifications by series and level (无 when the person holds no title yet).
const qualifications: Partial<Record<TitleSeriesCode, Record<Exclude<TitleLevelCode, "NONE">, string>>> = {
  ENGINEERING: { JUNIOR: "助理工程师", INTERMEDIATE: "工程师", DEPUTY_SENIOR: "高级工程师", FULL_SENIOR: "正高级工程师" },
  ECONOMICS: { JUNIOR: "助理经济师", INTERMEDIATE: "经济师", DEPUTY_SENIOR: "高级经济师", FULL_SENIOR: "正高级经济师" },
  ACCOUNTING: { JUNIOR: "助理会计师", INTERMEDIATE: "会计师", DEPUTY_SENIOR: "高级会计师", FULL_SENIOR: "正高级会计师" },
  STATISTICS: { JUNIOR: "助理统计师", INTERMEDIATE: "统计师", DEPUTY_SENIOR: "高级统计师", FULL_SENIOR: "正高级统计师" },
  SHIP_TECHNOLOGY: { JUNIOR: "助理船舶工程师", INTERMEDIATE: "船舶工程师", DEPUTY_SENIOR: "高级船舶工程师", FULL_SENIOR: "正高级船舶工程师" },
};

// Transport employers are mostly engineers; the weights repeat codes instead of a weighting scheme.
const seriesPool: TitleSeriesCode[] = [
  "ENGINEERING",
  "ENGINEERING",
  "ENGINEERING",
  "ENGINEERING",
  "ENGINEERING",
  "ECONOMICS",
  "ECONOMICS",
  "ACCOUNTING",
  "STATISTICS",
  "SHIP_TECHNOLOGY",
];
const levelPool: TitleLevelCode[] = ["JUNIOR", "JUNIOR", "INTERMEDIATE", "INTERMEDIATE", "INTERMEDIATE", "DEPUTY_SENIOR", "FULL_SENIOR", "NONE"];
const educationPool: EducationCode[] = [
  "BACHELOR",
  "BACHELOR",
  "BACHELOR",
  "BACHELOR",
  "MASTER",
  "MASTER",
  "ASSOCIATE",
  "ASSOCIATE",
  "DOCTORATE",
  "SECONDARY_VOCATIONAL",
];
const mobilePrefixes = ["138", "139", "158", "159", "186", "187", "188", "135", "136", "137", "150", "152", "177", "181"];

export function demoProfessionals(count = 300): DemoProfessional[] {
  const rand = seededRandom(20_240_601);
  const pick = pickWith(rand);
  const employers = demoUnits.filter((u) => u.kind === "EMPLOYER");
  const people: DemoProfessional[] = [];
  for (let i = 0; i < count; i++) {
    const unit = employers[i % employers.length] as DemoUnit;
    // The sequence number is unique per person, so no two demo IDs can collide; its parity is the sex.
    const sequence = i;
    const male = sequence % 2 === 1;
    const birth = new Date(Date.UTC(1965 + Math.floor(rand() * 36), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    const titleSeries = pick(seriesPool);
    const titleLevel = pick(levelPool);
    people.push({
      idNumber: generateResidentId(unit.region.endsWith("0000") ? "370102" : unit.region, birth, sequence),
      name: pick(surnames) + pick(male ? maleGivenNames : femaleGivenNames),
      phone: pick(mobilePrefixes) + String(Math.floor(rand() * 1e8)).padStart(8, "0"),
      email: `user${String(i + 1).padStart(3, "0")}@example.com`,
      unitKey: unit.key,
      status: i % 60 === 59 ? "PENDING" : "APPROVED",
      education: pick(educationPool),
      titleSeries,
      titleLevel,
      qualification: titleLevel === "NONE" ? "无" : (qualifications[titleSeries]?.[titleLevel] ?? "无"),
      major: pick(majors),
      certificateNo: titleLevel === "NONE" ? null : `SDJT${2010 + (i % 14)}${String(100_000 + i * 13).padStart(6, "0")}`,
    });
  }
  return people;
}
