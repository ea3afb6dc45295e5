/**
 * packs.lock.yaml as an SPDX 2.3 JSON document (https://spdx.github.io/spdx-spec/v2.3/). Pure.
 * Deterministic except `creationInfo.created`, which SPDX requires to be the creation time and
 * the caller passes in; the namespace is derived from everything else. Mapping: docs/sbom.md.
 */
import type { Lock, LockItem } from "../lockfile/lock-model.js";
import { publicUrl, redactSource } from "./purl.js";
import { contentUuid, SPDX_ALG, sriDigest, type Digest } from "./digest.js";
import { packFacts, type ComponentFacts, type PackFacts } from "./pack-facts.js";
import { SPDX_CREATED, type SpdxMeta } from "./sbom-meta.js";

export interface SpdxChecksum {
  algorithm: string;
  checksumValue: string;
}
export interface SpdxExternalRef {
  referenceCategory: "PACKAGE-MANAGER";
  referenceType: "purl";
  referenceLocator: string;
}
export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed: false;
  checksums?: SpdxChecksum[];
  externalRefs?: SpdxExternalRef[];
  primaryPackagePurpose: "APPLICATION" | "LIBRARY" | "FILE" | "OTHER";
  sourceInfo?: string;
  comment?: string;
}
export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: "DESCRIBES" | "CONTAINS" | "DEPENDS_ON" | "GENERATED_FROM";
  relatedSpdxElement: string;
}
export interface SpdxDocument {
  spdxVersion: "SPDX-2.3";
  dataLicense: "CC0-1.0";
  SPDXID: "SPDXRef-DOCUMENT";
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

const NOASSERTION = "NOASSERTION";

export function toSpdx(lock: Lock, meta: SpdxMeta): SpdxDocument {
  if (!SPDX_CREATED.test(meta.created)) throw new Error(`bug: SPDX created must be YYYY-MM-DDThh:mm:ssZ, got ${meta.created}`);
  const ids = new SpdxIds();
  const project = ids.next("Project", "");
  const packs = packFacts(lock).map((f) => ({ f, id: ids.next("Pack", f.key), components: f.components.map((c) => ({ c, id: ids.next("Component", `${f.key}-${c.key}`) })) }));
  const items = [...lock.items].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)).map((item) => ({ item, id: ids.next("Item", item.address) }));

  const packages: SpdxPackage[] = [
    { SPDXID: project, name: meta.projectName, downloadLocation: NOASSERTION, filesAnalyzed: false, primaryPackagePurpose: "APPLICATION" },
    ...packs.flatMap(({ f, id, components }) => [packPackage(f, id), ...components.map(({ c, id: cid }) => componentPackage(f, c, cid))]),
    ...items.map(({ item, id }) => itemPackage(item, id)),
  ];

  const rel = (a: string, type: SpdxRelationship["relationshipType"], b: string): SpdxRelationship => ({ spdxElementId: a, relationshipType: type, relatedSpdxElement: b });
  const packId = new Map(packs.map(({ f, id }) => [f.key, id]));
  const relationships: SpdxRelationship[] = [rel("SPDXRef-DOCUMENT", "DESCRIBES", project)];
  for (const { id } of packs) relationships.push(rel(project, "DEPENDS_ON", id));
  for (const { id, components } of packs) {
    for (const { c, id: cid } of components) relationships.push(rel(id, c.kind === "plugin" ? "DEPENDS_ON" : "CONTAINS", cid));
  }
  for (const { item, id } of items) {
    relationships.push(rel(project, "CONTAINS", id));
    for (const owner of [...new Set(item.owners)].sort()) {
      const ownerId = packId.get(owner);
      if (ownerId) relationships.push(rel(id, "GENERATED_FROM", ownerId));
    }
  }

  const name = `${meta.projectName} agent setup (packs.lock.yaml)`;
  const creators = [`Tool: packs-${meta.toolVersion}`];
  // Named by its content, the creation time left out: the same lock gets the same namespace.
  const uuid = contentUuid({ spdx: { name, creators, packages, relationships } }, meta.hash);
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name,
    documentNamespace: `https://spdx.org/spdxdocs/packs-${meta.projectName.replace(/[^A-Za-z0-9._-]+/g, "-")}-${uuid}`,
    creationInfo: { created: meta.created, creators },
    packages,
    relationships,
  };
}

function packPackage(f: PackFacts, id: string): SpdxPackage {
  const p = f.pack;
  const source = [
    `packs source ${redactSource(p.source)}`,
    ...(p.ref !== undefined ? [`ref ${p.ref}`] : []),
    ...(p.path !== undefined ? [`path ${p.path}`] : []),
    ...(p.registry ? [`registry ${p.registry.name} (${p.registry.url})${p.registry.version ? ` entry ${p.registry.version}` : ""}`] : []),
  ].join(", ");
  const pin = `${source}; ${p.kind} pin ${p.resolved}${p.floating ? "; floating (the source can move without packs.yaml changing)" : ""}`;
  const comment = [
    `tier ${p.tier}${p.claimed_tier !== undefined ? ` (the pack claims ${p.claimed_tier})` : ""}`,
    `packs key ${f.key}`,
    `tree integrity ${p.integrity}`,
    ...(p.tarball_integrity !== undefined ? [`archive integrity ${p.tarball_integrity}`] : []),
    ...Object.entries(p.skill_sources ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, s]) => `skills from ${source} (${publicUrl(s.url)}) at ${s.resolved}`),
  ].join("; ");
  return {
    SPDXID: id,
    name: p.name,
    versionInfo: p.version,
    downloadLocation: f.downloadLocation ?? NOASSERTION,
    filesAnalyzed: false,
    // What identifies the pack's bytes: the archive for npm and .tgz packs, else the file tree.
    checksums: [checksum(f.archive ?? f.tree)],
    ...(f.purl && { externalRefs: [purlRef(f.purl)] }),
    primaryPackagePurpose: "LIBRARY",
    sourceInfo: pin,
    comment,
  };
}

const COMMENT: Record<Exclude<ComponentFacts["kind"], "plugin">, string> = {
  skill: "skill folder; checksum: tree integrity of its files",
  mcp: "MCP server definition; checksum: of its canonical JSON",
  instructions: "instructions; checksum: of the text",
  other: "pack component",
};

function componentPackage(f: PackFacts, c: ComponentFacts, id: string): SpdxPackage {
  if (c.kind === "plugin") {
    return {
      SPDXID: id,
      name: c.name,
      ...(c.npm?.version !== undefined && { versionInfo: c.npm.version }),
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      ...(c.purl && { externalRefs: [purlRef(c.purl)] }),
      primaryPackagePurpose: "LIBRARY",
      comment: `npm plugin spec ${c.key.slice("plugins/".length)}; packs hash of the spec ${c.hash}`,
    };
  }
  return {
    SPDXID: id,
    name: c.key,
    versionInfo: f.pack.version,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    checksums: [checksum(sriDigest(c.hash))],
    primaryPackagePurpose: c.kind === "skill" ? "LIBRARY" : "OTHER",
    comment: COMMENT[c.kind],
  };
}

function itemPackage(item: LockItem, id: string): SpdxPackage {
  return {
    SPDXID: id,
    name: item.address,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    checksums: [checksum(sriDigest(item.hash))],
    primaryPackagePurpose: "FILE",
    comment: `deployed by packs for ${item.agent}; checksum: of the canonical content`,
  };
}

function checksum(d: Digest): SpdxChecksum {
  return { algorithm: SPDX_ALG[d.alg], checksumValue: d.hex };
}

function purlRef(purl: string): SpdxExternalRef {
  return { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: purl };
}

/** `SPDXRef-<kind>-<name>`: letters, digits, `.` and `-` only (SPDX 2.3 §7.2), unique in the document. */
class SpdxIds {
  private readonly used = new Set<string>(["SPDXRef-DOCUMENT"]);

  next(kind: string, name: string): string {
    const clean = name.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "");
    const base = clean === "" ? `SPDXRef-${kind}` : `SPDXRef-${kind}-${clean}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
