import { codeText, educationLevels, educationName, regions, titleSeries, titleSeriesName } from "@ce/contracts";

/** 地区 choices: the province, its cities and districts (GB/T 2260), as the 地区 filters offer them. */
export const regionOptions = regions.map((r) => ({ code: r.code, name: r.name }));

/** 学历 choices in the contracts' order. */
export const educationOptions = educationLevels.map((e) => ({ code: e.code, name: e.name }));

/** 专业技术职务 (title series) choices in the contracts' order. */
export const titleSeriesOptions = titleSeries.map((s) => ({ code: s.code, name: s.name }));

/** A stored 学历 code as people read it (an unknown code as it is; none: empty). */
export const educationText = (code: string | null): string => codeText(educationName, code);

/** A stored 专业技术职务 (title series) code as people read it. */
export const titleSeriesText = (code: string | null): string => codeText(titleSeriesName, code);
