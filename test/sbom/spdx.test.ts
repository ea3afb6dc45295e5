import { describe, expect, it } from "vitest";
import { renderSbom } from "../../src/sbom/render-sbom.js";
import { toSpdx, type SpdxDocument, type SpdxPackage } from "../../src/sbom/spdx.js";
import { CREATED, errorsOf, everyKindLock, goldenLocks, h, h512, hex, META, SHA_A, SHA_B, SHA_C, spdxValidator } from "./sbom-fixtures.js";

const validate = spdxValidator();
const SPDX_META = { ...META, created: CREATED };

function pkg(doc: SpdxDocument, id: string): SpdxPackage {
  const p = doc.packages.find((x) => x.SPDXID === id);
  if (!p) throw new Error(`no package ${id}`);
  return p;
}

const rels = (doc: SpdxDocument, from: string): string[] => doc.relationships.filter((r) => r.spdxElementId === from).map((r) => `${r.relationshipType} ${r.relatedSpdxElement}`);

describe("SPDX 2.3", () => {
  it("a lock with every kind of source is valid against the official schema", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META);
    expect(validate(doc), errorsOf(validate)).toBe(true);
  });

  it.each(goldenLocks())("the e2e golden lock of %s is valid", (_, lock) => {
    expect(validate(toSpdx(lock, SPDX_META)), errorsOf(validate)).toBe(true);
  });

  it("an empty lock is valid", () => {
    const doc = toSpdx({ lockfile_version: 1, packs: {}, items: [] }, SPDX_META);
    expect(validate(doc), errorsOf(validate)).toBe(true);
    expect(doc.relationships).toEqual([{ spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: "SPDXRef-Project" }]);
  });

  it("the validator rejects a wrong shape (so the check above means something)", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META) as unknown as Record<string, unknown>;
    expect(validate({ ...doc, creationInfo: { created: CREATED, creators: [] } })).toBe(false);
    expect(validate({ ...doc, relationships: [{ spdxElementId: "a", relatedSpdxElement: "b", relationshipType: "OWNS" }] })).toBe(false);
    expect(validate({ ...doc, packages: [{ SPDXID: "SPDXRef-x", name: "x" }] })).toBe(false);
  });

  it("has the document header, with the given creation time and a namespace derived from the content", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META);
    expect(doc).toMatchObject({ spdxVersion: "SPDX-2.3", dataLicense: "CC0-1.0", SPDXID: "SPDXRef-DOCUMENT", creationInfo: { created: CREATED, creators: ["Tool: packs-0.1.0"] } });
    expect(doc.documentNamespace).toMatch(/^https:\/\/spdx\.org\/spdxdocs\/packs-acme-app-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The time is not part of the identity: another time, the same namespace.
    expect(toSpdx(everyKindLock(), { ...SPDX_META, created: "2030-01-01T00:00:00Z" }).documentNamespace).toBe(doc.documentNamespace);
    const changed = everyKindLock();
    changed.items.pop();
    expect(toSpdx(changed, SPDX_META).documentNamespace).not.toBe(doc.documentNamespace);
  });

  it("refuses a creation time not in SPDX's form (a bug in the caller)", () => {
    expect(() => toSpdx(everyKindLock(), { ...META, created: "2025-06-01T12:00:00.123Z" })).toThrow(/YYYY-MM-DDThh:mm:ssZ/);
  });

  it("maps each kind of source to its download location, checksum and purl", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META);
    expect(pkg(doc, "SPDXRef-Pack-dbt-snowflake")).toMatchObject({
      name: "dbt-snowflake",
      versionInfo: "1.0.0",
      downloadLocation: "NOASSERTION",
      filesAnalyzed: false,
      checksums: [{ algorithm: "SHA256", checksumValue: hex(h("tree dbt")) }],
      primaryPackagePurpose: "LIBRARY",
      sourceInfo: "packs source ./packs/dbt-snowflake; local pin ./packs/dbt-snowflake",
    });
    expect(pkg(doc, "SPDXRef-Pack-dbt-snowflake").externalRefs).toBeUndefined();

    const gh = pkg(doc, "SPDXRef-Pack-github-tools");
    expect(gh.downloadLocation).toBe(`git+https://github.com/Acme/Agent-Packs.git@${SHA_A}#packs/github`);
    expect(gh.externalRefs).toEqual([{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: `pkg:github/acme/agent-packs@${SHA_A}#packs/github` }]);
    expect(gh.sourceInfo).toContain("floating");
    expect(gh.comment).toContain("tier community (the pack claims verified)");

    // SPDX: user names and passwords in a VCS location are an error.
    expect(pkg(doc, "SPDXRef-Pack-internal").downloadLocation).toBe(`git+https://git.example.com/team/packs.git@${SHA_B}#sub/dir`);
    expect(JSON.stringify(doc)).not.toContain("s3cret");
    expect(pkg(doc, "SPDXRef-Pack-scratch")).toMatchObject({ downloadLocation: `git+file:///tmp/scratch-repo@${SHA_C}` });
    expect(pkg(doc, "SPDXRef-Pack-scratch").externalRefs).toBeUndefined();
    expect(pkg(doc, "SPDXRef-Pack-dbt-cloud").sourceInfo).toContain("registry default (https://example.com/registry.json) entry 1.2.0");

    const npm = pkg(doc, "SPDXRef-Pack-review");
    expect(npm).toMatchObject({
      downloadLocation: "https://registry.npmjs.org/@acme/review-pack/-/review-pack-2.1.0.tgz",
      checksums: [{ algorithm: "SHA512", checksumValue: hex(h512("review tarball")) }],
      externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: "pkg:npm/%40acme/review-pack@2.1.0" }],
    });
    expect(npm.comment).toContain(`tree integrity ${h("tree review")}`);
    expect(pkg(doc, "SPDXRef-Pack-vendored")).toMatchObject({ downloadLocation: "NOASSERTION", checksums: [{ algorithm: "SHA512", checksumValue: hex(h512("vendored tarball")) }] });
  });

  it("has a package per component and per deployed item", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META);
    expect(pkg(doc, "SPDXRef-Component-dbt-snowflake-skills-creating-dbt-models")).toMatchObject({ name: "skills/creating-dbt-models", versionInfo: "1.0.0", checksums: [{ algorithm: "SHA256", checksumValue: hex(h("skill cdm")) }], primaryPackagePurpose: "LIBRARY" });
    expect(pkg(doc, "SPDXRef-Component-dbt-snowflake-mcp-dbt")).toMatchObject({ name: "mcp/dbt", primaryPackagePurpose: "OTHER" });
    const plugin = pkg(doc, "SPDXRef-Component-review-plugins-opencode-review-1.2.3");
    expect(plugin).toMatchObject({ name: "opencode-review", versionInfo: "1.2.3", externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: "pkg:npm/opencode-review@1.2.3" }] });
    expect(plugin.checksums).toBeUndefined();
    expect(pkg(doc, "SPDXRef-Item-AGENTS.md-packs-dbt-snowflake")).toMatchObject({ name: "AGENTS.md#packs:dbt-snowflake", primaryPackagePurpose: "FILE", checksums: [{ algorithm: "SHA256", checksumValue: hex(h("section")) }], comment: expect.stringContaining("codex") as unknown });
  });

  it("relates document → project → packs → components, and items to the packs they came from", () => {
    const doc = toSpdx(everyKindLock(), SPDX_META);
    expect(rels(doc, "SPDXRef-DOCUMENT")).toEqual(["DESCRIBES SPDXRef-Project"]);
    expect(rels(doc, "SPDXRef-Project").filter((r) => r.startsWith("DEPENDS_ON"))).toHaveLength(7);
    expect(rels(doc, "SPDXRef-Project").filter((r) => r.startsWith("CONTAINS"))).toHaveLength(5);
    expect(rels(doc, "SPDXRef-Pack-dbt-snowflake")).toEqual([
      "CONTAINS SPDXRef-Component-dbt-snowflake-instructions",
      "CONTAINS SPDXRef-Component-dbt-snowflake-mcp-dbt",
      "CONTAINS SPDXRef-Component-dbt-snowflake-skills-creating-dbt-models",
    ]);
    expect(rels(doc, "SPDXRef-Pack-internal")).toEqual(["DEPENDS_ON SPDXRef-Component-internal-plugins-acme-opencode-guard-2"]);
    expect(rels(doc, "SPDXRef-Item-opencode.jsonc-plugin-acme-opencode-guard")).toEqual(["GENERATED_FROM SPDXRef-Pack-internal", "GENERATED_FROM SPDXRef-Pack-review"]);
    expect(rels(doc, "SPDXRef-Item-.gemini-settings.json-mcpServers-old")).toEqual([]);
  });

  it("keeps SPDX identifiers to SPDX's characters, unique, and every relationship resolved", () => {
    const lock = everyKindLock();
    // Two keys that clean up to the same identifier.
    lock.packs["a_b"] = { ...lock.packs["scratch"]!, name: "a_b" };
    lock.packs["a-b"] = { ...lock.packs["scratch"]!, name: "a-b" };
    const doc = toSpdx(lock, SPDX_META);
    const ids = doc.packages.map((p) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    expect(ids).toContain("SPDXRef-Pack-a-b");
    expect(ids).toContain("SPDXRef-Pack-a-b-2");
    const known = new Set([...ids, "SPDXRef-DOCUMENT"]);
    for (const r of doc.relationships) {
      expect(known.has(r.spdxElementId), r.spdxElementId).toBe(true);
      expect(known.has(r.relatedSpdxElement), r.relatedSpdxElement).toBe(true);
    }
    expect(validate(doc), errorsOf(validate)).toBe(true);
  });

  it("is deterministic for a given creation time", () => {
    const a = renderSbom(everyKindLock(), "spdx", SPDX_META);
    const shuffled = everyKindLock();
    shuffled.packs = Object.fromEntries(Object.entries(shuffled.packs).reverse());
    shuffled.items = [...shuffled.items].reverse();
    expect(renderSbom(shuffled, "spdx", SPDX_META)).toBe(a);
  });
});
