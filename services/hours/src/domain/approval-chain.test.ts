import { describe, expect, it } from "vitest";
import { approvalChain, type ChainUnit } from "./approval-chain.ts";

const units = new Map<string, ChainUnit>(
  [
    { id: "sd", name: "山东省交通运输厅", kind: "AUTHORITY" },
    { id: "jn", name: "济南市交通运输局", kind: "AUTHORITY" },
    { id: "bus", name: "济南公共交通集团有限公司", kind: "EMPLOYER" },
    { id: "base", name: "山东交通职业学院继续教育基地", kind: "TRAINING_BASE" },
  ].map((u) => [u.id, u as ChainUnit]),
);
const names = (chain: ChainUnit[]) => chain.map((u) => u.name);

describe("approval chain", () => {
  it("climbs from an employer through the city bureau to the province", () => {
    expect(names(approvalChain("/sd/jn/bus/", units))).toEqual(["济南公共交通集团有限公司", "济南市交通运输局", "山东省交通运输厅"]);
  });

  it("starts at a CE base for its trainees", () => {
    expect(names(approvalChain("/sd/base/", units))).toEqual(["山东交通职业学院继续教育基地", "山东省交通运输厅"]);
  });

  it("starts at the authority itself for a person employed by a supervising department", () => {
    expect(names(approvalChain("/sd/jn/", units))).toEqual(["济南市交通运输局", "山东省交通运输厅"]);
  });

  it("stops after the configured number of authority levels", () => {
    expect(names(approvalChain("/sd/jn/bus/", units, 1))).toEqual(["济南公共交通集团有限公司", "济南市交通运输局"]);
  });

  it("skips units the replica does not know yet and returns nothing for an unknown unit", () => {
    expect(names(approvalChain("/sd/unknown/bus/", units))).toEqual(["济南公共交通集团有限公司", "山东省交通运输厅"]);
    expect(approvalChain("/nowhere/", units)).toEqual([]);
  });
});
