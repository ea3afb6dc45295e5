/**
 * Properties over random manifests: loadPack never throws, returns a Pack exactly when there is
 * no error, uses only documented codes, and gives every diagnostic a location inside the pack.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { hasErrors } from "../../src/core/diagnostics.js";
import { parseYamlSource } from "../../src/config/yaml-source.js";
import { loadPack } from "../../src/packs/load-pack.js";
import { validateManifest } from "../../src/packs/validate-manifest.js";
import { PACK_DIAGNOSTIC_CODES } from "../../src/packs/pack-diagnostics.js";
import { packInput, ROOT, skillMd } from "./pack-input.js";

const scalar = fc.oneof(fc.constantFrom("alpha", "beta", "./vendor", "../x", "owner/repo", "dbt-mcp", "", "https://x.dev/mcp", "@s/p@1"), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom("a", "b", "command", "url"), scalar, { maxKeys: 2 }));
const skillEntry = fc.oneof(
  fc.constantFrom("alpha", "beta", "ghost"),
  fc.record({ path: fc.constantFrom("skills/alpha", "vendor", "/abs", "nope") }),
  fc.record({ source: fc.constantFrom("./vendor", "owner/repo", "./skills", "../up"), select: fc.option(fc.array(fc.constantFrom("alpha", "gamma", "ghost"), { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ["source"] }),
  value,
);
const mcpServer = fc.record({
  type: fc.constantFrom("stdio", "local", "http", "sse", "remote", "streamable-http", "bogus"),
  command: fc.oneof(fc.constant(["uvx", "dbt-mcp"]), fc.constant("uvx dbt-mcp"), fc.constant([])),
  url: fc.constantFrom("https://x.dev/mcp", "ftp://x", 3),
  env: fc.dictionary(fc.constantFrom("A", "B"), fc.oneof(fc.string(), fc.integer()), { maxKeys: 2 }),
}, { requiredKeys: [] });
const manifest = fc.record({
  name: fc.oneof(fc.constantFrom("demo", "Bad Name", "x"), value),
  description: fc.oneof(fc.constant("d"), value),
  version: fc.oneof(fc.constant("1.0.0"), fc.constant(1.5), value),
  tier: fc.constantFrom("built-in", "community", "gold"),
  skills: fc.oneof(fc.array(skillEntry, { maxLength: 4 }), value),
  skill_groups: fc.dictionary(fc.constantFrom("core", "a/b", "adv"), fc.record({
    activation: fc.constantFrom("always", "detect", "manual", "never"),
    skills: fc.array(skillEntry, { maxLength: 2 }),
    detect: fc.array(fc.record({ files: fc.array(fc.constantFrom("*.sql", "x"), { maxLength: 2 }) }), { maxLength: 1 }),
  }, { requiredKeys: [] }), { maxKeys: 2 }),
  mcp: fc.oneof(fc.dictionary(fc.constantFrom("dbt", "web", "../x"), mcpServer, { maxKeys: 2 }), value),
  plugins: fc.oneof(fc.array(fc.constantFrom("left-pad", "Bad Spec", "@s/p@^1", ""), { maxLength: 2 }), value),
  instructions: fc.oneof(fc.string(), value),
  detect: fc.oneof(fc.array(fc.record({ files: fc.array(fc.string(), { maxLength: 2 }), message: fc.string() }), { maxLength: 2 }), value),
  extra: value,
}, { requiredKeys: [] });

const skillFiles = {
  "skills/alpha/SKILL.md": skillMd("alpha"),
  "skills/beta/SKILL.md": "---\nname: wrong\n---\n",
  "vendor/gamma/SKILL.md": skillMd("gamma"),
};

function checkResult(files: Record<string, string>): void {
  const { pack, diagnostics } = loadPack(packInput(files));
  expect(pack === undefined).toBe(hasErrors(diagnostics));
  for (const d of diagnostics) {
    expect(Object.keys(PACK_DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.location?.file.startsWith(ROOT)).toBe(true);
    expect(d.summary.length).toBeGreaterThan(0);
  }
}

describe("loadPack on random input", () => {
  test("random manifests (as YAML)", () => {
    fc.assert(fc.property(manifest, (m) => checkResult({ "PACK.yaml": stringify(m), ...skillFiles })), { numRuns: 400 });
  });

  test("a mapping always yields a (repaired) manifest, so the checks after the shape still run", () => {
    fc.assert(fc.property(manifest, (m) => {
      const parsed = parseYamlSource("PACK.yaml", stringify(m), "pack");
      expect(validateManifest(parsed.source, parsed.value).manifest).toBeDefined();
    }), { numRuns: 400 });
  });

  test("random text as the manifest and as a SKILL.md", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom("-", ":", " ", "\n", "[", "{", "a", "#", "'", "&", "*", "!", "|") }));
    fc.assert(fc.property(text, text, (m, s) => checkResult({ "PACK.yaml": m, "skills/alpha/SKILL.md": s })), { numRuns: 400 });
  });
});
