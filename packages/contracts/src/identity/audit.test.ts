import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit.ts";

describe("auditChanges", () => {
  it("lists changed fields as old → new", () => {
    expect(auditChanges({ name: "甲", sortOrder: 0 }, { name: "乙", sortOrder: 0 })).toEqual([{ field: "name", from: "甲", to: "乙" }]);
  });
  it("shows every field of a creation or a removal", () => {
    expect(auditChanges(null, { name: "甲" })).toEqual([{ field: "name", from: "—", to: "甲" }]);
    expect(auditChanges({ name: "甲" }, null)).toEqual([{ field: "name", from: "甲", to: "—" }]);
  });
});
