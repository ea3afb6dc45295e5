/**
 * The JSON Schema for packs.yaml, for editors (e.g. `# yaml-language-server: $schema=…`),
 * generated from the same zod schema the loader uses so the two cannot disagree. It describes
 * what a user writes (zod's input side). Draft-07, which YAML editors support best.
 *
 * schema/packs.schema.json is this value, pretty-printed (2 spaces, final newline).
 * test/config/json-schema.test.ts fails when the file is stale; regenerate it with
 *   UPDATE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts
 */
import { z } from "zod";
import { nullMeansEmpty, packsYamlSchema } from "./packs-yaml-schema.js";

export const PACKS_YAML_SCHEMA_ID = "urn:packs:schema:packs-yaml:1";

export function packsYamlJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(packsYamlSchema, {
    target: "draft-07",
    io: "input",
    override: ({ zodSchema, jsonSchema }) => {
      // An empty YAML key is null; the loader reads it as an empty list or map.
      if (nullMeansEmpty.has(zodSchema) && typeof jsonSchema.type === "string") {
        jsonSchema.type = [jsonSchema.type, "null"];
      }
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PACKS_YAML_SCHEMA_ID,
    title: "packs.yaml",
    description: "The packs a project wants for its coding agents (packs: Terraform for coding-agent setup).",
    ...rest,
  };
}

/** The file's exact text: pretty-printed JSON with a final newline. */
export function packsYamlJsonSchemaText(): string {
  return `${JSON.stringify(packsYamlJsonSchema(), null, 2)}\n`;
}
