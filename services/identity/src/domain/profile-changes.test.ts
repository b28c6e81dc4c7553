import { describe, expect, it } from "vitest";
import { diffProfile, displayValue, type ProfileValues } from "./profile-changes.ts";

const current: ProfileValues & { phoneMasked: string | null } = {
  name: "张三",
  phone: null,
  phoneMasked: "138*****00",
  email: "a@example.com",
  departmentId: null,
  education: "BACHELOR",
  titleSeries: "ENGINEERING",
  titleLevel: "INTERMEDIATE",
  qualification: "工程师",
  major: "道路",
  certificateNo: null,
};

describe("人员信息修改", () => {
  it("keeps only fields that change, with the phone masked and its new value encrypted", () => {
    const changes = diffProfile(current, { name: "张三", education: "MASTER", phone: "13912345678" }, (p) => `enc(${p})`);
    expect(changes).toEqual({ phone: { old: "138*****00", new: "139*****78", newEnc: "enc(13912345678)" }, education: { old: "BACHELOR", new: "MASTER" } });
  });

  it("refuses a request that changes nothing", () => {
    expect(() => diffProfile(current, { name: "张三", email: "a@example.com" }, String)).toThrow("没有需要修改的信息");
  });

  it("shows codes by their Chinese names", () => {
    expect(displayValue("education", "MASTER", () => undefined)).toBe("硕士研究生");
    expect(displayValue("titleLevel", "INTERMEDIATE", () => undefined)).toBe("中级");
    expect(displayValue("departmentId", "d1", (id) => (id === "d1" ? "工务部" : undefined))).toBe("工务部");
    expect(displayValue("major", null, () => undefined)).toBeNull();
  });
});
