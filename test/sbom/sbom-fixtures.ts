/**
 * Locks for the SBOM tests, with every kind of source the lock can pin (the e2e goldens are all
 * local), and the validators of the official schemas vendored in test/fixtures/schemas.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { sha256Sri } from "../../src/io/hash.js";
import type { Lock } from "../../src/lockfile/lock-model.js";
import { parseLock } from "../../src/lockfile/parse-lock.js";
import type { SbomMeta } from "../../src/sbom/sbom-meta.js";

export const SCHEMAS = join(import.meta.dirname, "..", "fixtures", "schemas");

export const h = (s: string): string => sha256Sri(s);
export const h512 = (s: string): string => `sha512-${createHash("sha512").update(s).digest("base64")}`;
export const hex = (sri: string): string => Buffer.from(sri.slice(sri.indexOf("-") + 1), "base64").toString("hex");

export const SHA_A = "3f2e9c1a7b6d5e4f30112233445566778899aabb";
export const SHA_B = "0123456789abcdef0123456789abcdef01234567";
export const SHA_C = "fedcba9876543210fedcba9876543210fedcba98";

export const META: SbomMeta = { projectName: "acme-app", toolVersion: "0.1.0", hash: sha256Sri };
export const CREATED = "2025-06-01T12:00:00Z";

/** One pack of each kind, components of each kind, co-owned items and an owner not in the lock. */
export function everyKindLock(): Lock {
  return {
    lockfile_version: 1,
    packs: {
      "dbt-snowflake": {
        kind: "local",
        source: "./packs/dbt-snowflake",
        resolved: "./packs/dbt-snowflake",
        name: "dbt-snowflake",
        version: "1.0.0",
        tier: "built-in",
        integrity: h("tree dbt"),
        components: {
          instructions: h("instr"),
          "mcp/dbt": h("mcp dbt"),
          "skills/creating-dbt-models": h("skill cdm"),
        },
      },
      "github-tools": {
        kind: "git",
        source: "github:Acme/Agent-Packs",
        resolved: SHA_A,
        url: "https://github.com/Acme/Agent-Packs.git",
        ref: "main",
        path: "packs/github",
        floating: true,
        name: "github-tools",
        version: "1.4.0",
        tier: "community",
        claimed_tier: "verified",
        integrity: h("tree gh"),
        skill_sources: { "Acme/shared-skills": { url: "https://github.com/Acme/shared-skills.git", resolved: SHA_A, floating: true } },
        components: { "mcp/github": h("mcp gh"), "skills/gh-review": h("skill ghr") },
      },
      "internal": {
        kind: "git",
        source: "git+https://deploy:s3cret@git.example.com/team/packs.git",
        resolved: SHA_B,
        url: "https://deploy:s3cret@git.example.com/team/packs.git",
        ref: "v2.0.0",
        path: "sub/dir",
        name: "internal-pack",
        version: "2.0.0",
        tier: "community",
        integrity: h("tree internal"),
        components: { "plugins/@acme/opencode-guard@^2": h("@acme/opencode-guard@^2") },
      },
      "scratch": {
        kind: "git",
        source: "git+file:///tmp/scratch-repo",
        resolved: SHA_C,
        url: "file:///tmp/scratch-repo",
        name: "scratch",
        version: "0.0.1",
        tier: "community",
        integrity: h("tree scratch"),
        components: {},
      },
      "dbt-cloud": {
        kind: "registry",
        source: "registry:dbt-cloud@^1",
        resolved: SHA_A,
        url: "https://github.com/altimate/kits.git",
        ref: "v1.2.0",
        path: "kits/dbt-cloud",
        registry: { name: "default", url: "https://example.com/registry.json", version: "1.2.0" },
        floating: true,
        name: "dbt-cloud",
        version: "1.2.0",
        tier: "verified",
        integrity: h("tree dbt-cloud"),
        components: { "skills/dbt-cloud": h("skill dbt-cloud") },
      },
      "review": {
        kind: "npm",
        source: "npm:@acme/review-pack@^2",
        resolved: "@acme/review-pack@2.1.0",
        url: "https://registry.npmjs.org/@acme/review-pack/-/review-pack-2.1.0.tgz",
        tarball_integrity: h512("review tarball"),
        floating: true,
        name: "review",
        version: "2.1.0",
        tier: "community",
        integrity: h("tree review"),
        components: {
          "plugins/opencode-review@1.2.3": h("opencode-review@1.2.3"),
          "plugins/@acme/opencode-lint": h("@acme/opencode-lint"),
          "plugins/file:../local-plugin": h("file:../local-plugin"),
        },
      },
      "vendored": {
        kind: "tarball",
        source: "./vendor/vendored-1.0.0.tgz",
        resolved: "./vendor/vendored-1.0.0.tgz",
        tarball_integrity: h512("vendored tarball"),
        name: "vendored",
        version: "1.0.0",
        tier: "community",
        integrity: h("tree vendored"),
        components: { instructions: h("vendored instr") },
      },
    },
    items: [
      { address: "opencode.jsonc#/plugin/@acme/opencode-guard", agent: "opencode", owners: ["review", "internal"], hash: h("guard entry") },
      { address: ".claude/skills/creating-dbt-models/SKILL.md", agent: "claude-code", owners: ["dbt-snowflake"], hash: h("SKILL.md") },
      { address: ".mcp.json#/mcpServers/dbt", agent: "claude-code", owners: ["dbt-snowflake"], hash: h("dbt entry") },
      { address: "AGENTS.md#packs:dbt-snowflake", agent: "codex", owners: ["dbt-snowflake"], hash: h("section") },
      { address: ".gemini/settings.json#/mcpServers/old", agent: "gemini", owners: ["gone-pack"], hash: h("old entry") },
    ],
  };
}

/** The lock of every e2e case (real locks packs wrote), parsed. */
export const goldenLocks = (): [string, Lock][] => {
  const cases = join(import.meta.dirname, "..", "e2e", "cases");
  return readdirSync(cases).flatMap((name) => {
    let text: string;
    try {
      text = readFileSync(join(cases, name, "expected", "after", "packs.lock.yaml"), "utf8");
    } catch {
      return [];
    }
    const { lock } = parseLock("packs.lock.yaml", text);
    if (!lock) throw new Error(`golden lock of ${name} does not parse`);
    return [[name, lock] as [string, Lock]];
  });
};

const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv) => Ajv;
const fullFormats = (createRequire(import.meta.url)("ajv-formats/dist/formats") as { fullFormats: Record<string, RegExp> }).fullFormats;

function schemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS, name), "utf8")) as Record<string, unknown>;
}

/**
 * CycloneDX 1.6 (draft-07) as shipped by @cyclonedx/cyclonedx-library: the BOM schema refers to
 * its two sub-schemas by their `.SNAPSHOT` file names, so they are registered under those.
 * ajv-formats has no `iri-reference`/`idn-email` (RFC 3987 / 6531): an IRI reference is checked
 * as the URI reference it maps to (non-ASCII percent-encoded, RFC 3987 §3.1).
 */
export function cycloneDxValidator(): ValidateFunction {
  // strictRequired off: the schema's `oneOf` branches list required properties defined beside them.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary(["meta:enum"]); // CycloneDX's annotation of enum values
  addFormats(ajv);
  const uriReference = fullFormats["uri-reference"]!;
  ajv.addFormat("iri-reference", (s: string) => uriReference.test(s.replace(/[^\x00-\x7f]/gu, (c) => encodeURIComponent(c))));
  ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  const base = "http://cyclonedx.org/schema/";
  ajv.addSchema(schemaFile("spdx.SNAPSHOT.schema.json"), `${base}spdx.SNAPSHOT.schema.json`);
  ajv.addSchema(schemaFile("jsf-0.82.SNAPSHOT.schema.json"), `${base}jsf-0.82.SNAPSHOT.schema.json`);
  return ajv.compile(schemaFile("bom-1.6.SNAPSHOT.schema.json"));
}

/** SPDX 2.3 (draft-07, no formats), from spdx/spdx-spec. */
export function spdxValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(schemaFile("spdx-schema-2-3.json"));
}

export function errorsOf(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors, null, 2);
}
