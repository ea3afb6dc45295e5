/** The vendored SBOM schemas are the files PROVENANCE.md names, and are the schemas they claim to be. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAS } from "./sbom-fixtures.js";

const provenance = readFileSync(join(SCHEMAS, "PROVENANCE.md"), "utf8");
const rows = [...provenance.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1]!, m[2]!] as const);

describe("vendored SBOM schemas", () => {
  it("PROVENANCE.md has a line for every schema file", () => {
    const files = readdirSync(SCHEMAS).filter((f) => f.endsWith(".json")).sort();
    expect(rows.map(([f]) => f).sort()).toEqual(files);
  });

  it.each(rows)("%s has the sha256 PROVENANCE.md records", (file, sha256) => {
    expect(createHash("sha256").update(readFileSync(join(SCHEMAS, file))).digest("hex")).toBe(sha256);
  });

  it("are CycloneDX 1.6 and SPDX 2.3, draft-07", () => {
    const bom = JSON.parse(readFileSync(join(SCHEMAS, "bom-1.6.SNAPSHOT.schema.json"), "utf8")) as Record<string, unknown>;
    expect(bom).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", $id: "http://cyclonedx.org/schema/bom-1.6.schema.json" });
    const spdx = JSON.parse(readFileSync(join(SCHEMAS, "spdx-schema-2-3.json"), "utf8")) as Record<string, unknown>;
    expect(spdx).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", $id: "http://spdx.org/rdf/terms/2.3", title: "SPDX 2.3" });
  });
});
