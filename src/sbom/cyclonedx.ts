/**
 * packs.lock.yaml as a CycloneDX 1.6 JSON BOM (https://cyclonedx.org/docs/1.6/json/). Pure and
 * deterministic: no timestamp, and a serial number derived from the content, so the same lock
 * gives the same bytes. The mapping is documented in docs/sbom.md.
 */
import type { Lock, LockItem } from "../lockfile/lock-model.js";
import { publicUrl, redactSource } from "./purl.js";
import { contentUuid, CYCLONEDX_ALG, sriDigest, type Digest } from "./digest.js";
import { packFacts, type ComponentFacts, type PackFacts } from "./pack-facts.js";
import type { SbomMeta } from "./sbom-meta.js";

export interface CdxHash {
  alg: string;
  content: string;
}
export interface CdxProperty {
  name: string;
  value: string;
}
export interface CdxExternalReference {
  type: string;
  url: string;
  comment?: string;
  hashes?: CdxHash[];
}
export interface CdxComponentData {
  type: string;
  name?: string;
}
export interface CdxComponent {
  type: string;
  "bom-ref"?: string;
  group?: string;
  name: string;
  version?: string;
  hashes?: CdxHash[];
  purl?: string;
  externalReferences?: CdxExternalReference[];
  data?: CdxComponentData[];
  components?: CdxComponent[];
  properties?: CdxProperty[];
}
export interface CdxDependency {
  ref: string;
  dependsOn?: string[];
}
export interface CycloneDxBom {
  $schema: string;
  bomFormat: "CycloneDX";
  specVersion: "1.6";
  serialNumber: string;
  version: 1;
  metadata: {
    tools: { components: CdxComponent[] };
    component: CdxComponent;
    properties: CdxProperty[];
  };
  components: CdxComponent[];
  dependencies: CdxDependency[];
}

export const PROJECT_REF = "project";
export const packRef = (key: string): string => `pack:${key}`;
export const componentRef = (key: string, component: string): string => `pack:${key}/${component}`;
export const itemRef = (address: string): string => `item:${address}`;

export function toCycloneDx(lock: Lock, meta: SbomMeta): CycloneDxBom {
  const packs = packFacts(lock);
  const items = [...lock.items].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const body = {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX" as const,
    specVersion: "1.6" as const,
    version: 1 as const,
    metadata: {
      tools: { components: [{ type: "application", name: "packs", version: meta.toolVersion }] },
      component: { type: "application", "bom-ref": PROJECT_REF, name: meta.projectName },
      properties: [prop("packs:lockfile_version", String(lock.lockfile_version))],
    },
    components: [...packs.map(packComponent), ...items.map(itemComponent)],
    dependencies: dependencies(packs, items),
  };
  // The serial number names this exact content: the same lock (and packs version and project
  // name) always gets the same one, a different lock a different one.
  const serialNumber = `urn:uuid:${contentUuid({ cyclonedx: body }, meta.hash)}`;
  const { $schema, bomFormat, specVersion, version, ...rest } = body;
  return { $schema, bomFormat, specVersion, serialNumber, version, ...rest };
}

function packComponent(f: PackFacts): CdxComponent {
  const p = f.pack;
  const externalReferences: CdxExternalReference[] = [];
  if (f.vcsUrl) externalReferences.push({ type: "vcs", url: f.vcsUrl });
  if (f.distributionUrl) externalReferences.push({ type: "distribution", url: f.distributionUrl, ...(f.archive && { hashes: [hash(f.archive)] }) });
  // Repositories the pack's manifest takes skills from, each at the commit the lock pins.
  for (const [source, s] of Object.entries(p.skill_sources ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    externalReferences.push({ type: "vcs", url: publicUrl(s.url), comment: `skills from ${source} at ${s.resolved}` });
  }
  const properties = [
    prop("packs:key", f.key),
    prop("packs:kind", p.kind),
    prop("packs:source", redactSource(p.source)),
    prop("packs:resolved", p.resolved),
    ...(p.ref !== undefined ? [prop("packs:ref", p.ref)] : []),
    ...(p.path !== undefined ? [prop("packs:path", p.path)] : []),
    ...(p.url !== undefined ? [prop("packs:url", redactSource(p.url))] : []),
    ...(p.registry ? [prop("packs:registry:name", p.registry.name), prop("packs:registry:url", p.registry.url)] : []),
    ...(p.registry?.version ? [prop("packs:registry:version", p.registry.version)] : []),
    prop("packs:floating", String(p.floating === true)),
    prop("packs:tier", p.tier),
    ...(p.claimed_tier !== undefined ? [prop("packs:claimed_tier", p.claimed_tier)] : []),
    ...Object.entries(p.skill_sources ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, s]) => prop("packs:skill_source", `${source}@${s.resolved}`)),
    prop("packs:integrity", p.integrity),
    ...(p.tarball_integrity !== undefined ? [prop("packs:tarball_integrity", p.tarball_integrity)] : []),
  ];
  return {
    type: "library",
    "bom-ref": packRef(f.key),
    name: p.name,
    version: p.version,
    // What identifies the pack's bytes: the archive for npm and .tgz packs, else the file tree.
    hashes: [hash(f.archive ?? f.tree)],
    ...(f.purl && { purl: f.purl }),
    ...(externalReferences.length > 0 && { externalReferences }),
    ...(f.components.length > 0 && { components: f.components.map((c) => subComponent(f, c)) }),
    properties,
  };
}

function subComponent(f: PackFacts, c: ComponentFacts): CdxComponent {
  const ref = componentRef(f.key, c.key);
  const common = [prop("packs:component", c.key)];
  switch (c.kind) {
    case "plugin": {
      // The lock hashes the plugin's spec, not the package: a property, never `hashes`.
      const props = [...common, prop("packs:npm_spec", c.key.slice("plugins/".length)), ...(c.npm?.range !== undefined ? [prop("packs:npm_range", c.npm.range)] : []), prop("packs:hash", c.hash)];
      const slash = c.npm && c.name.startsWith("@") ? c.name.indexOf("/") : -1;
      return {
        type: "library",
        "bom-ref": ref,
        ...(slash > 0 ? { group: c.name.slice(0, slash), name: c.name.slice(slash + 1) } : { name: c.name }),
        ...(c.npm?.version !== undefined && { version: c.npm.version }),
        ...(c.purl && { purl: c.purl }),
        properties: props,
      };
    }
    case "skill":
      return { type: "library", "bom-ref": ref, name: c.key, version: f.pack.version, hashes: [hash(sriDigest(c.hash))], properties: common };
    case "mcp":
    case "instructions":
    case "other":
      return { type: "data", "bom-ref": ref, name: c.key, version: f.pack.version, hashes: [hash(sriDigest(c.hash))], data: [{ type: "configuration", name: c.key }], properties: common };
  }
}

function itemComponent(item: LockItem): CdxComponent {
  return {
    type: "file",
    "bom-ref": itemRef(item.address),
    name: item.address,
    hashes: [hash(sriDigest(item.hash))],
    properties: [prop("packs:agent", item.agent), ...[...item.owners].sort().map((o) => prop("packs:owner", o))],
  };
}

/**
 * The project depends on its packs; a pack on its components (skills, MCP servers, plugins,
 * instructions); a deployed item on the packs that own it, so a pack's dependents are the files
 * it put in the project (an owner missing from the lock's packs stays a property only). Every
 * component is in the graph, leaves as empty elements.
 */
function dependencies(packs: PackFacts[], items: LockItem[]): CdxDependency[] {
  const deps: CdxDependency[] = [{ ref: PROJECT_REF, dependsOn: packs.map((f) => packRef(f.key)) }];
  for (const f of packs) {
    deps.push({ ref: packRef(f.key), dependsOn: f.components.map((c) => componentRef(f.key, c.key)) });
    for (const c of f.components) deps.push({ ref: componentRef(f.key, c.key) });
  }
  const known = new Set(packs.map((f) => f.key));
  for (const item of items) deps.push({ ref: itemRef(item.address), dependsOn: [...new Set(item.owners)].filter((o) => known.has(o)).sort().map(packRef) });
  return deps;
}

function hash(d: Digest): CdxHash {
  return { alg: CYCLONEDX_ALG[d.alg], content: d.hex };
}

function prop(name: string, value: string): CdxProperty {
  return { name, value };
}
