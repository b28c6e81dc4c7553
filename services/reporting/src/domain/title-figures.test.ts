import { describe, expect, it } from "vitest";
import { type TitleSpan, titleContribution, titleDelta } from "./title-figures.ts";

const at = (iso: string) => new Date(iso);
const list = (
  m: ReadonlyMap<string, { unitId: string; titleSeries: string | null; titleLevel: string | null; registeredDay: string; day: string; people: number }>,
) => [...m.values()].map((c) => `${c.unitId} ${c.titleSeries ?? "-"}/${c.titleLevel ?? "-"} reg ${c.registeredDay} from ${c.day}: ${c.people}`).sort();

// 王一: registered 2026-01-05 (Beijing), approved 01-10 in 公交 as 中级, promoted to 副高级 on 03-01,
// moved to 地铁 on 05-01 at 23:30 Beijing (15:30Z: still 05-01).
const spans: TitleSpan[] = [
  {
    unitId: "bus",
    status: "PENDING",
    titleSeries: "ENGINEERING",
    titleLevel: "INTERMEDIATE",
    validFrom: at("2026-01-05T02:00:00Z"),
    validTo: at("2026-01-10T02:00:00Z"),
  },
  {
    unitId: "bus",
    status: "APPROVED",
    titleSeries: "ENGINEERING",
    titleLevel: "INTERMEDIATE",
    validFrom: at("2026-01-10T02:00:00Z"),
    validTo: at("2026-03-01T02:00:00Z"),
  },
  {
    unitId: "bus",
    status: "APPROVED",
    titleSeries: "ENGINEERING",
    titleLevel: "DEPUTY_SENIOR",
    validFrom: at("2026-03-01T02:00:00Z"),
    validTo: at("2026-05-01T15:30:00Z"),
  },
  { unitId: "metro", status: "APPROVED", titleSeries: "ENGINEERING", titleLevel: "DEPUTY_SENIOR", validFrom: at("2026-05-01T15:30:00Z"), validTo: null },
];

describe("titleContribution", () => {
  it("adds +1 where the person starts counting under a unit and title, −1 where they stop, by Beijing day", () => {
    expect(list(titleContribution(spans, at("2026-01-05T02:00:00Z")))).toEqual([
      "bus ENGINEERING/DEPUTY_SENIOR reg 2026-01-05 from 2026-03-01: 1",
      "bus ENGINEERING/DEPUTY_SENIOR reg 2026-01-05 from 2026-05-01: -1",
      "bus ENGINEERING/INTERMEDIATE reg 2026-01-05 from 2026-01-10: 1",
      "bus ENGINEERING/INTERMEDIATE reg 2026-01-05 from 2026-03-01: -1",
      "metro ENGINEERING/DEPUTY_SENIOR reg 2026-01-05 from 2026-05-01: 1",
    ]);
  });

  it("counts nobody before their registration day, even when approved earlier (the statistic filters on the registration instant)", () => {
    expect(list(titleContribution(spans, at("2026-04-01T02:00:00Z")))).toEqual([
      "bus ENGINEERING/DEPUTY_SENIOR reg 2026-04-01 from 2026-04-01: 1",
      "bus ENGINEERING/DEPUTY_SENIOR reg 2026-04-01 from 2026-05-01: -1",
      "metro ENGINEERING/DEPUTY_SENIOR reg 2026-04-01 from 2026-05-01: 1",
    ]);
  });

  it("gives nothing without a registration, or without an approved span", () => {
    expect(titleContribution(spans, null).size).toBe(0);
    expect(titleContribution([{ ...spans[0]!, validTo: null }], at("2026-01-05T02:00:00Z")).size).toBe(0);
  });

  it("reads a Beijing midnight as the next day (16:00Z)", () => {
    const s: TitleSpan[] = [{ unitId: "bus", status: "APPROVED", titleSeries: null, titleLevel: null, validFrom: at("2026-02-01T16:00:00Z"), validTo: null }];
    expect(list(titleContribution(s, at("2026-02-01T15:59:59.999Z")))).toEqual(["bus -/- reg 2026-02-01 from 2026-02-02: 1"]);
  });
});

describe("titleDelta", () => {
  it("is what turns before into after, nothing for an unchanged person", () => {
    const before = titleContribution(
      spans.slice(0, 2).map((s, i) => (i === 1 ? { ...s, validTo: null } : s)),
      at("2026-01-05T02:00:00Z"),
    );
    const after = titleContribution(spans, at("2026-01-05T02:00:00Z"));
    expect(titleDelta(before, after).map((c) => `${c.unitId} ${c.titleLevel} ${c.day} ${c.people}`)).toEqual([
      "bus DEPUTY_SENIOR 2026-03-01 1",
      "bus DEPUTY_SENIOR 2026-05-01 -1",
      "bus INTERMEDIATE 2026-03-01 -1",
      "metro DEPUTY_SENIOR 2026-05-01 1",
    ]);
    expect(titleDelta(after, after)).toEqual([]);
  });
});
