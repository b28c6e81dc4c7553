import { describe, expect, it } from "vitest";
import { E2E_BUILD_DIR, portalBuildDir } from "../../build-dir.ts";

// npm start serves `build`; the browser tests build and serve their own directory.
describe("portalBuildDir", () => {
  it.each([
    [undefined, "build"],
    ["", "build"],
    ["  ", "build"],
    [E2E_BUILD_DIR, "build-e2e"],
    ["build.ci_2", "build.ci_2"],
  ])("PORTAL_BUILD_DIR=%j → %s", (value, dir) => {
    expect(portalBuildDir({ PORTAL_BUILD_DIR: value })).toBe(dir);
  });

  it.each(["..", ".", "../build", "/tmp/build", "build/e2e", "build e2e", "构建"])("refuses %j", (value) => {
    expect(() => portalBuildDir({ PORTAL_BUILD_DIR: value })).toThrow(/PORTAL_BUILD_DIR/);
  });
});
