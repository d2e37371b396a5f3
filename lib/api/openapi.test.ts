import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const document = buildOpenApiDocument("https://chancery.example.org");

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended ruleset with no errors and no warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it("names every operation uniquely and declares every one public", () => {
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    const ids = operations.map((o) => o.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.every((o) => Array.isArray(o.security) && o.security.length === 0)).toBe(true);
  });

  it("defines every property it requires, in every component", () => {
    const undefinedRequired: string[] = [];
    const visit = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== "object") return;
      const s = schema as { required?: string[]; properties?: Record<string, unknown> };
      for (const name of s.required ?? []) if (!s.properties || !(name in s.properties)) undefinedRequired.push(`${where}.${name}`);
      for (const [key, value] of Object.entries(schema)) visit(value, `${where}.${key}`);
    };
    visit(document.components.schemas, "components");
    expect(undefinedRequired).toEqual([]);
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(["Event", "EventDetail", "SearchResult", "Tombstone", "Error"]));
  });
});
