import { describe, expect, it } from "vitest";
import { toCycloneDx, type CdxComponent, type CycloneDxBom } from "../../src/sbom/cyclonedx.js";
import { renderSbom } from "../../src/sbom/render-sbom.js";
import { cycloneDxValidator, errorsOf, everyKindLock, goldenLocks, h, h512, hex, META, SHA_A, SHA_B, SHA_C } from "./sbom-fixtures.js";

const validate = cycloneDxValidator();

function expectValid(bom: unknown): void {
  expect(validate(bom), errorsOf(validate)).toBe(true);
}

function allComponents(bom: CycloneDxBom): CdxComponent[] {
  const walk = (cs: CdxComponent[]): CdxComponent[] => cs.flatMap((c) => [c, ...walk(c.components ?? [])]);
  return walk(bom.components);
}

function byRef(bom: CycloneDxBom, ref: string): CdxComponent {
  const c = allComponents(bom).find((x) => x["bom-ref"] === ref);
  if (!c) throw new Error(`no component ${ref}`);
  return c;
}

const props = (c: CdxComponent): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const p of c.properties ?? []) (out[p.name] ??= []).push(p.value);
  return out;
};

describe("CycloneDX 1.6", () => {
  it("a lock with every kind of source is valid against the official schema", () => {
    expectValid(toCycloneDx(everyKindLock(), META));
  });

  it.each(goldenLocks())("the e2e golden lock of %s is valid", (_, lock) => {
    expect(Object.keys(lock.packs).length).toBeGreaterThan(0);
    expectValid(toCycloneDx(lock, META));
  });

  it("an empty lock is valid", () => {
    const bom = toCycloneDx({ lockfile_version: 1, packs: {}, items: [] }, META);
    expectValid(bom);
    expect(bom.components).toEqual([]);
    expect(bom.dependencies).toEqual([{ ref: "project", dependsOn: [] }]);
  });

  it("the validator rejects a wrong shape (so the checks above mean something)", () => {
    const bom = toCycloneDx(everyKindLock(), META) as unknown as Record<string, unknown>;
    expect(validate({ ...bom, serialNumber: "not-a-urn" })).toBe(false);
    expect(validate({ ...bom, components: [{ type: "pack", name: "x" }] })).toBe(false);
    expect(validate({ ...bom, components: [{ type: "library", name: "x", hashes: [{ alg: "SHA-256", content: "xyz" }] }] })).toBe(false);
  });

  it("has a header, the tool and the project, and no timestamp", () => {
    const bom = toCycloneDx(everyKindLock(), META);
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.specVersion).toBe("1.6");
    expect(bom.version).toBe(1);
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.metadata.tools.components).toEqual([{ type: "application", name: "packs", version: "0.1.0" }]);
    expect(bom.metadata.component).toEqual({ type: "application", "bom-ref": "project", name: "acme-app" });
    expect(JSON.stringify(bom)).not.toMatch(/timestamp/);
  });

  it("maps each kind of source to its purl, references and hashes", () => {
    const bom = toCycloneDx(everyKindLock(), META);

    const local = byRef(bom, "pack:dbt-snowflake");
    expect(local).toMatchObject({ type: "library", name: "dbt-snowflake", version: "1.0.0", hashes: [{ alg: "SHA-256", content: hex(h("tree dbt")) }] });
    expect(local.purl).toBeUndefined();
    expect(local.externalReferences).toBeUndefined();
    expect(props(local)).toMatchObject({ "packs:kind": ["local"], "packs:source": ["./packs/dbt-snowflake"], "packs:tier": ["built-in"], "packs:floating": ["false"], "packs:integrity": [h("tree dbt")] });

    const gh = byRef(bom, "pack:github-tools");
    expect(gh.purl).toBe(`pkg:github/acme/agent-packs@${SHA_A}#packs/github`);
    expect(gh.externalReferences).toEqual([
      { type: "vcs", url: "https://github.com/Acme/Agent-Packs.git" },
      { type: "vcs", url: "https://github.com/Acme/shared-skills.git", comment: `skills from Acme/shared-skills at ${SHA_A}` },
    ]);
    expect(props(gh)).toMatchObject({ "packs:ref": ["main"], "packs:path": ["packs/github"], "packs:floating": ["true"], "packs:tier": ["community"], "packs:claimed_tier": ["verified"], "packs:resolved": [SHA_A] });

    const internal = byRef(bom, "pack:internal");
    expect(internal.name).toBe("internal-pack");
    expect(internal.purl).toBe(`pkg:generic/internal-pack@${SHA_B}?vcs_url=git%2Bhttps://git.example.com/team/packs.git%40${SHA_B}#sub/dir`);
    // Credentials never reach the SBOM.
    expect(internal.externalReferences).toEqual([{ type: "vcs", url: "https://git.example.com/team/packs.git" }]);
    expect(props(internal)).toMatchObject({ "packs:source": ["git+https://git.example.com/team/packs.git"], "packs:url": ["https://git.example.com/team/packs.git"] });
    expect(JSON.stringify(bom)).not.toContain("s3cret");

    const scratch = byRef(bom, "pack:scratch");
    expect(scratch.purl).toBeUndefined(); // a file: remote names a folder on one machine
    expect(scratch.externalReferences).toEqual([{ type: "vcs", url: "file:///tmp/scratch-repo" }]);
    expect(props(scratch)["packs:resolved"]).toEqual([SHA_C]);

    const registry = byRef(bom, "pack:dbt-cloud");
    expect(registry.purl).toBe(`pkg:github/altimate/kits@${SHA_A}#kits/dbt-cloud`);
    expect(props(registry)).toMatchObject({ "packs:registry:name": ["default"], "packs:registry:url": ["https://example.com/registry.json"], "packs:registry:version": ["1.2.0"] });

    const npm = byRef(bom, "pack:review");
    expect(npm.purl).toBe("pkg:npm/%40acme/review-pack@2.1.0");
    // An archive is identified by the archive's hash; the tree integrity stays a property.
    expect(npm.hashes).toEqual([{ alg: "SHA-512", content: hex(h512("review tarball")) }]);
    expect(npm.externalReferences).toEqual([{ type: "distribution", url: "https://registry.npmjs.org/@acme/review-pack/-/review-pack-2.1.0.tgz", hashes: [{ alg: "SHA-512", content: hex(h512("review tarball")) }] }]);
    expect(props(npm)["packs:integrity"]).toEqual([h("tree review")]);

    const tgz = byRef(bom, "pack:vendored");
    expect(tgz.purl).toBeUndefined();
    expect(tgz.hashes).toEqual([{ alg: "SHA-512", content: hex(h512("vendored tarball")) }]);
    expect(props(tgz)["packs:tarball_integrity"]).toEqual([h512("vendored tarball")]);
  });

  it("lists each pack's components under it, with their hashes", () => {
    const bom = toCycloneDx(everyKindLock(), META);
    expect(byRef(bom, "pack:dbt-snowflake").components!.map((c) => c["bom-ref"])).toEqual([
      "pack:dbt-snowflake/instructions",
      "pack:dbt-snowflake/mcp/dbt",
      "pack:dbt-snowflake/skills/creating-dbt-models",
    ]);
    expect(byRef(bom, "pack:dbt-snowflake/skills/creating-dbt-models")).toMatchObject({ type: "library", name: "skills/creating-dbt-models", version: "1.0.0", hashes: [{ alg: "SHA-256", content: hex(h("skill cdm")) }] });
    expect(byRef(bom, "pack:dbt-snowflake/mcp/dbt")).toMatchObject({ type: "data", name: "mcp/dbt", data: [{ type: "configuration", name: "mcp/dbt" }], hashes: [{ alg: "SHA-256", content: hex(h("mcp dbt")) }] });
    expect(byRef(bom, "pack:dbt-snowflake/instructions")).toMatchObject({ type: "data", name: "instructions", hashes: [{ alg: "SHA-256", content: hex(h("instr")) }] });
  });

  it("names npm plugins as npm packages; the spec's hash is a property, not the package's hash", () => {
    const bom = toCycloneDx(everyKindLock(), META);
    const exact = byRef(bom, "pack:review/plugins/opencode-review@1.2.3");
    expect(exact).toMatchObject({ type: "library", name: "opencode-review", version: "1.2.3", purl: "pkg:npm/opencode-review@1.2.3" });
    expect(exact.hashes).toBeUndefined();
    expect(props(exact)["packs:hash"]).toEqual([h("opencode-review@1.2.3")]);

    const range = byRef(bom, "pack:internal/plugins/@acme/opencode-guard@^2");
    expect(range).toMatchObject({ group: "@acme", name: "opencode-guard", purl: "pkg:npm/%40acme/opencode-guard" });
    expect(range.version).toBeUndefined();
    expect(props(range)["packs:npm_range"]).toEqual(["^2"]);

    expect(byRef(bom, "pack:review/plugins/@acme/opencode-lint")).toMatchObject({ group: "@acme", name: "opencode-lint", purl: "pkg:npm/%40acme/opencode-lint" });
    const fileSpec = byRef(bom, "pack:review/plugins/file:../local-plugin");
    expect(fileSpec.name).toBe("file:../local-plugin");
    expect(fileSpec.purl).toBeUndefined();
  });

  it("lists deployed items as files owned by their packs", () => {
    const bom = toCycloneDx(everyKindLock(), META);
    const files = bom.components.filter((c) => c.type === "file");
    expect(files.map((c) => c.name)).toEqual([
      ".claude/skills/creating-dbt-models/SKILL.md",
      ".gemini/settings.json#/mcpServers/old",
      ".mcp.json#/mcpServers/dbt",
      "AGENTS.md#packs:dbt-snowflake",
      "opencode.jsonc#/plugin/@acme/opencode-guard",
    ]);
    const guard = byRef(bom, "item:opencode.jsonc#/plugin/@acme/opencode-guard");
    expect(guard.hashes).toEqual([{ alg: "SHA-256", content: hex(h("guard entry")) }]);
    expect(props(guard)).toEqual({ "packs:agent": ["opencode"], "packs:owner": ["internal", "review"] });
    expect(bom.dependencies.find((d) => d.ref === "item:opencode.jsonc#/plugin/@acme/opencode-guard")).toEqual({ ref: "item:opencode.jsonc#/plugin/@acme/opencode-guard", dependsOn: ["pack:internal", "pack:review"] });
    // An owner the lock has no pack for is kept as a property but never dangles in the graph.
    expect(props(byRef(bom, "item:.gemini/settings.json#/mcpServers/old"))["packs:owner"]).toEqual(["gone-pack"]);
    expect(bom.dependencies.find((d) => d.ref === "item:.gemini/settings.json#/mcpServers/old")!.dependsOn).toEqual([]);
  });

  it("links project → packs → components, every bom-ref unique and every reference resolved", () => {
    const bom = toCycloneDx(everyKindLock(), META);
    const refs = allComponents(bom).map((c) => c["bom-ref"]!);
    expect(new Set(refs).size).toBe(refs.length);
    const known = new Set([...refs, "project"]);
    for (const d of bom.dependencies) {
      expect(known.has(d.ref), d.ref).toBe(true);
      for (const r of d.dependsOn ?? []) expect(known.has(r), r).toBe(true);
    }
    expect(new Set(bom.dependencies.map((d) => d.ref))).toEqual(known);
    expect(bom.dependencies[0]).toEqual({ ref: "project", dependsOn: ["pack:dbt-cloud", "pack:dbt-snowflake", "pack:github-tools", "pack:internal", "pack:review", "pack:scratch", "pack:vendored"] });
    expect(bom.dependencies.find((d) => d.ref === "pack:review")!.dependsOn).toEqual([
      "pack:review/plugins/@acme/opencode-lint",
      "pack:review/plugins/file:../local-plugin",
      "pack:review/plugins/opencode-review@1.2.3",
    ]);
  });

  it("is deterministic: the same lock gives the same bytes, whatever the order of its maps and lists", () => {
    const a = renderSbom(everyKindLock(), "cyclonedx", META);
    const shuffled = everyKindLock();
    shuffled.packs = Object.fromEntries(Object.entries(shuffled.packs).reverse());
    shuffled.items = [...shuffled.items].reverse();
    for (const p of Object.values(shuffled.packs)) p.components = Object.fromEntries(Object.entries(p.components).reverse());
    expect(renderSbom(shuffled, "cyclonedx", META)).toBe(a);
    expect(renderSbom(everyKindLock(), "cyclonedx", META)).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
  });

  it("gives a different lock a different serial number", () => {
    const a = toCycloneDx(everyKindLock(), META).serialNumber;
    const changed = everyKindLock();
    changed.packs["dbt-snowflake"]!.integrity = h("another tree");
    expect(toCycloneDx(changed, META).serialNumber).not.toBe(a);
    expect(toCycloneDx(everyKindLock(), { ...META, toolVersion: "0.2.0" }).serialNumber).not.toBe(a);
  });

  it("names the repositories a pack takes skills from, at their pinned commits", () => {
    const bom = JSON.parse(renderSbom(everyKindLock(), "cyclonedx", META)) as { components: { "bom-ref": string; externalReferences?: { url: string; comment?: string }[]; properties: { name: string; value: string }[] }[] };
    const gh = bom.components.find((c) => c["bom-ref"] === "pack:github-tools")!;
    expect(gh.externalReferences).toContainEqual({ type: "vcs", url: "https://github.com/Acme/shared-skills.git", comment: `skills from Acme/shared-skills at ${SHA_A}` });
    expect(gh.properties).toContainEqual({ name: "packs:skill_source", value: `Acme/shared-skills@${SHA_A}` });
  });
});
