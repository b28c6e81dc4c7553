import { errorCode, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { adminOf, busDriver, jinan, professionalSession, province, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursforms", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

// The service's clock is pinned to 2026-06-15 below; it refuses a version that starts earlier.
const todayIso = "2026-06-15";
const nextYear = "2027-01-01";
const jobTrainingV2 = {
  code: "JOB_TRAINING",
  effectiveFrom: todayIso,
  name: "岗位培训",
  fields: [],
  hint: "提交岗位培训结业证书扫描件",
  subjects: ["PROFESSIONAL" as const],
  rule: { kind: "ACTUAL" as const, capPerItem: 60, capPerYear: null },
};

describe("forms.list", () => {
  it("lists the ten default learning forms in the catalog's order", async () => {
    const forms = await client(await professionalSession(world, busDriver)).forms.list.query();
    expect(forms.map((f) => f.name)).toEqual([
      "培训/研修/进修 面授",
      "网络/远程培训",
      "学术会议",
      "学历/学位/课程进修",
      "课题/项目",
      "论文/著作",
      "授课",
      "考察/调研",
      "资格考试",
      "岗位培训",
    ]);
  });

  it("asks an anonymous caller to sign in", async () => {
    expect(await errorCode(client().forms.list.query())).toBe("UNAUTHORIZED");
  });
});

describe("forms.get", () => {
  it("gives 岗位培训 with its hint and subjects", async () => {
    const form = await client(await adminOf(world, jinan)).forms.get.query({ code: "JOB_TRAINING" });
    expect(form).toMatchObject({ name: "岗位培训", hint: "提交岗位培训结业证书扫描件", subjects: ["PROFESSIONAL"] });
  });

  it("says NOT_FOUND for an unknown form", async () => {
    expect(await errorCode(client(await adminOf(world, jinan)).forms.get.query({ code: "NOPE" }))).toBe("NOT_FOUND");
  });
});

describe("forms.update", () => {
  it("lets the province add a version in force from its date, keeping the old one", async () => {
    const before = await world.app.db.learningFormVersion.count();
    const v2 = await client(await adminOf(world, province)).forms.update.mutate(jobTrainingV2);
    expect(v2).toMatchObject({ version: 2, effectiveFrom: todayIso, rule: { capPerItem: 60 } });
    expect(await world.app.db.learningFormVersion.count()).toBe(before + 1);
    const now = await client(await adminOf(world, province)).forms.get.query({ code: "JOB_TRAINING" });
    expect(now.version).toBe(2);
  });

  it("keeps the version in force until a future version's date", async () => {
    await client(await adminOf(world, province)).forms.update.mutate({
      ...jobTrainingV2,
      effectiveFrom: nextYear,
      rule: { ...jobTrainingV2.rule, capPerItem: 30 },
    });
    const now = await client(await adminOf(world, jinan)).forms.get.query({ code: "JOB_TRAINING" });
    expect(now.rule).toMatchObject({ capPerItem: 60 });
  });

  it("refuses a version that would start before today, naming the field", async () => {
    const err = await client(await adminOf(world, province))
      .forms.update.mutate({ ...jobTrainingV2, effectiveFrom: "2020-01-01" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ data: { code: "BAD_REQUEST", fieldErrors: { effectiveFrom: ["生效日期不能早于今天"] } } });
  });

  it("refuses a city bureau, an admin without 学时审批, a professional and an anonymous caller", async () => {
    expect(await errorCode(client(await adminOf(world, jinan)).forms.update.mutate(jobTrainingV2))).toBe("FORBIDDEN");
    expect(await errorCode(client(await adminOf(world, province, ["hours.records"])).forms.update.mutate(jobTrainingV2))).toBe("FORBIDDEN");
    expect(await errorCode(client(await professionalSession(world, busDriver)).forms.update.mutate(jobTrainingV2))).toBe("FORBIDDEN");
    expect(await errorCode(client().forms.update.mutate(jobTrainingV2))).toBe("UNAUTHORIZED");
  });
});
