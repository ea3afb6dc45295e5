/**
 * schema/packs.schema.json is generated from the zod schema and must not go stale.
 * Regenerate: UPDATE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENT_IDS } from "../../src/core/agent-id.js";
import { PACKS_YAML_SCHEMA_ID, packsYamlJsonSchema, packsYamlJsonSchemaText } from "../../src/config/json-schema.js";

const schemaFile = new URL("../../schema/packs.schema.json", import.meta.url);

describe("schema/packs.schema.json", () => {
  it("equals the schema generated from the zod schema", () => {
    const generated = packsYamlJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(schemaFile, generated);
    expect(readFileSync(schemaFile, "utf8"), "stale: run UPDATE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts").toBe(generated);
  });

  it("has the parts editors rely on", () => {
    const schema = packsYamlJsonSchema() as any;
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toBe(PACKS_YAML_SCHEMA_ID);
    expect(schema.title).toBe("packs.yaml");
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(["version"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.version).toMatchObject({ type: "number", const: 1 });
    expect(Object.keys(schema.properties)).toEqual(["version", "agents", "packs", "registries", "policy", "ignore"]);
    expect(schema.properties.agents).toMatchObject({ type: ["array", "null"], items: { type: "string", enum: [...AGENT_IDS] } });

    const packs = schema.properties.packs;
    expect(packs.type).toEqual(["object", "null"]);
    expect(packs.propertyNames.pattern).toBe("^(?!.*\\.\\.)[a-z0-9][a-z0-9._-]{0,63}$");
    const entry = packs.additionalProperties;
    expect(entry).toMatchObject({ type: "object", required: ["source"], additionalProperties: false });
    expect(Object.keys(entry.properties)).toEqual(["source", "ref", "path", "groups", "exclude", "mcp", "agents"]);
    expect(entry.properties.agents.items.enum).toEqual([...AGENT_IDS]);
    expect(entry.properties.mcp.additionalProperties).toMatchObject({
      type: ["object", "null"],
      additionalProperties: false,
      properties: { enabled: { type: "boolean" }, env: { type: ["object", "null"] }, headers: { type: ["object", "null"] } },
    });
  });

  it("its pack-key pattern agrees with the loader", () => {
    const pattern = new RegExp((packsYamlJsonSchema() as any).properties.packs.propertyNames.pattern);
    for (const key of ["a", "dbt-tools", "a.b"]) expect(pattern.test(key), key).toBe(true);
    for (const key of ["A", "a..b", "-a", "x".repeat(65)]) expect(pattern.test(key), key).toBe(false);
  });
});
