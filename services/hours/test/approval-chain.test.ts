import { errorCode, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { adminOf, bus, jinan, qingdao, useHoursWorld } from "./support/world.ts";

// 济南公交 (under 济南市 under 省厅) and 青岛市 from the shared small province (support/world.ts).
const world = useHoursWorld("hourschain");

describe("approvalChain.preview", () => {
  it("shows a 济南 employer's declaration climbing 单位 → 济南市 → 省厅", async () => {
    const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, jinan));
    const chain = await client.approvalChain.preview.query({ unitId: bus.data.unitId });
    expect(chain.map((u) => u.name)).toEqual(["济南公共交通集团有限公司", "济南市交通运输局", "山东省交通运输厅"]);
  });

  it("refuses a 青岛 admin asking about a 济南 unit without revealing it", async () => {
    const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, qingdao));
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("NOT_FOUND");
  });

  it("refuses an admin whose roles lack 学时审批", async () => {
    const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, jinan, ["hours.records"]));
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("FORBIDDEN");
  });

  it("asks an anonymous caller to sign in", async () => {
    const client = serviceClient<HoursRouter>(world.app.url);
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("UNAUTHORIZED");
  });

  it("rejects a malformed unit id with a Chinese message naming the field", async () => {
    const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, jinan));
    const err = await client.approvalChain.preview.query({ unitId: "abc" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ data: { code: "BAD_REQUEST", fieldErrors: { unitId: ["单位编号无效"] } } });
  });
});
