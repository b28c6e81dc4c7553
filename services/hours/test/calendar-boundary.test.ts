import type { DeclareInput } from "@ce/contracts";
import { serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim } from "./support/claims.ts";
import { adminOf, bus, busDriver, professionalSession, province, useHoursWorld } from "./support/world.ts";

// 2026-01-01 00:30 in Beijing, still 2025-12-31 in UTC: the platform's year is already 2026.
const world = useHoursWorld("hourscal", () => new Date("2025-12-31T16:30:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

const claim = (over: Partial<DeclareInput> = {}): DeclareInput =>
  jobTrainingClaim({ className: "新年第一课", startDate: "2026-01-01", endDate: "2026-01-01", requestedHours: 4, ...over });
const formV2 = (effectiveFrom: string) => ({
  code: "JOB_TRAINING",
  effectiveFrom,
  name: "岗位培训",
  fields: [],
  hint: "提交岗位培训结业证书扫描件",
  subjects: ["PROFESSIONAL" as const],
  rule: { kind: "ACTUAL" as const, capPerItem: 90, capPerYear: null },
});
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { data?: { code?: string; httpStatus?: number; fieldErrors?: Record<string, string[]> } }) => e.data,
  );

describe("the hours service reads its pinned clock on the Beijing calendar", () => {
  it("offers 2026 as the current 计入年度 half an hour into the Beijing new year", async () => {
    expect(await client(await professionalSession(world, busDriver)).declarations.years.query()).toEqual([2026, 2025, 2024]);
  });

  it("accepts a declaration for 2026 dated 2026-01-01", async () => {
    const d = await client(await adminOf(world, bus)).declarations.declare.mutate(claim());
    expect(d).toMatchObject({ year: 2026, startDate: "2026-01-01", endDate: "2026-01-01", status: "PENDING" });
  });

  it("shows the professional's compliance starting with 2026", async () => {
    const years = await client(await professionalSession(world, busDriver)).compliance.mine.query({ years: 2 });
    expect(years.map((y) => y.year)).toEqual([2026, 2025]);
  });

  it("counts 2026-01-01 as today for a new learning-form version, and 2025-12-31 as the past", async () => {
    const admin = client(await adminOf(world, province));
    const past = await failure(admin.forms.update.mutate(formV2("2025-12-31")));
    expect(past?.fieldErrors).toEqual({ effectiveFrom: ["生效日期不能早于今天"] });
    const saved = await admin.forms.update.mutate(formV2("2026-01-01"));
    expect(saved.effectiveFrom).toBe("2026-01-01");
    expect((await admin.forms.get.query({ code: "JOB_TRAINING" })).version).toBe(saved.version);
  });
});

describe("an impossible date or year is a field error, never a 500", () => {
  const impossible = ["2026-02-30", "2026-13-01", "0000-01-01", "2026-2-3", "2026-02-28T99:00", "2100-02-29", "9999-12-31", "2026-04-31"];

  it.each(impossible)("declaring with startDate %j names 开始时间", async (date) => {
    const e = await failure(client(await adminOf(world, bus)).declarations.declare.mutate(claim({ startDate: date })));
    expect(e).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(e?.fieldErrors).toEqual({ startDate: ["开始时间不是有效日期，请按YYYY-MM-DD填写"] });
  });

  it.each(impossible)("a form version effective %j names 生效日期", async (date) => {
    const e = await failure(client(await adminOf(world, province)).forms.update.mutate(formV2(date)));
    expect(e).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(e?.fieldErrors).toEqual({ effectiveFrom: ["生效日期不是有效日期，请按YYYY-MM-DD填写"] });
  });

  it.each([99_999_999_999, 0, -2026])("an audit list for year %d names 年度", async (year) => {
    const e = await failure(client(await adminOf(world, province)).audits.list.query({ year, page: 1, pageSize: 10 }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(e?.fieldErrors?.year?.[0]).toContain("年度");
  });
});
