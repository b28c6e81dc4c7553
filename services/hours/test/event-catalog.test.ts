import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogPath, renderCatalog } from "../scripts/event-catalog.ts";

describe("docs/events/asyncapi.json", () => {
  it("is up to date with the contracts (run `npm run docs:events` in services/hours)", () => {
    expect(readFileSync(catalogPath, "utf8")).toBe(renderCatalog());
  });

  it("documents every hours and identity event with its payload schema", () => {
    const doc = JSON.parse(renderCatalog()) as {
      channels: Record<string, unknown>;
      components: { messages: Record<string, { payload: { properties: { data: { required?: string[] } } } }> };
    };
    expect(Object.keys(doc.channels)).toContain("ce.hours.declaration.approved.v1");
    expect(Object.keys(doc.channels)).toContain("ce.identity.professional.registered.v1");
    expect(doc.components.messages.hoursDeclarationApprovedV1?.payload.properties.data.required).toContain("recognizedHours");
  });
});
