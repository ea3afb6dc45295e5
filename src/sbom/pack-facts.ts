/**
 * What both SBOM formats say about each pack, worked out once from the lock: its identifiers
 * (purl, VCS or download location), which hash identifies it, and its components by kind. The
 * format renderers only lay these facts out. Pure; everything comes from the lock.
 */
import type { Lock, LockPack } from "../lockfile/lock-model.js";
import { sriDigest, type Digest } from "./digest.js";
import { gitPurl, isUrl, npmPurl, npmRef, publicUrl, type NpmRef } from "./purl.js";

export type ComponentKind = "skill" | "mcp" | "plugin" | "instructions" | "other";

export interface ComponentFacts {
  /** As in the lock: `skills/<n>`, `mcp/<n>`, `plugins/<spec>`, `instructions`. */
  key: string;
  kind: ComponentKind;
  /** `skills/x` → `x`; a plugin's npm package name (or its spec when it names no package). */
  name: string;
  /** The lock's hash of the component (SRI). */
  hash: string;
  /** Plugins naming an npm registry package. */
  npm?: NpmRef;
  purl?: string;
}

export interface PackFacts {
  /** The pack's key in packs.yaml and the lock. */
  key: string;
  pack: LockPack;
  purl?: string;
  /** The git remote (git and registry packs), without credentials, when it is a URL. */
  vcsUrl?: string;
  /** Where the pack's exact content can be fetched, in SPDX's VCS-location form for git. */
  downloadLocation?: string;
  /** npm packs: the tarball URL. */
  distributionUrl?: string;
  /** The archive's hash for npm and .tgz packs (what a download can be checked against). */
  archive?: Digest;
  /** The tree integrity of the pack's files (docs/lockfile.md). */
  tree: Digest;
  components: ComponentFacts[];
}

export function packFacts(lock: Lock): PackFacts[] {
  return Object.keys(lock.packs).sort().map((key) => factsOf(key, lock.packs[key]!));
}

function factsOf(key: string, pack: LockPack): PackFacts {
  const facts: PackFacts = { key, pack, tree: sriDigest(pack.integrity), components: componentFacts(pack) };
  if (pack.tarball_integrity) facts.archive = sriDigest(pack.tarball_integrity);
  switch (pack.kind) {
    case "git":
    case "registry":
      if (pack.url && isUrl(pack.url)) {
        const url = publicUrl(pack.url);
        facts.vcsUrl = url;
        facts.downloadLocation = `git+${url}@${pack.resolved}${pack.path ? `#${pack.path}` : ""}`;
        const purl = gitPurl(pack.name, pack.url, pack.resolved, pack.path);
        if (purl) facts.purl = purl;
      }
      break;
    case "npm": {
      const ref = npmRef(pack.resolved);
      if (ref) facts.purl = npmPurl(ref.name, ref.version);
      if (pack.url && isUrl(pack.url)) facts.distributionUrl = facts.downloadLocation = publicUrl(pack.url);
      break;
    }
    case "local":
    case "tarball":
      // A folder or archive on this machine: no identifier or location anyone else can use.
      break;
  }
  return facts;
}

function componentFacts(pack: LockPack): ComponentFacts[] {
  return Object.keys(pack.components).sort().map((key) => {
    const hash = pack.components[key]!;
    if (key.startsWith("skills/")) return { key, kind: "skill", name: key.slice("skills/".length), hash };
    if (key.startsWith("mcp/")) return { key, kind: "mcp", name: key.slice("mcp/".length), hash };
    if (key === "instructions") return { key, kind: "instructions", name: "instructions", hash };
    if (key.startsWith("plugins/")) {
      const spec = key.slice("plugins/".length);
      const npm = npmRef(spec);
      return npm ? { key, kind: "plugin", name: npm.name, hash, npm, purl: npmPurl(npm.name, npm.version) } : { key, kind: "plugin", name: spec, hash };
    }
    return { key, kind: "other", name: key, hash };
  });
}
