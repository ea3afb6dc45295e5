/**
 * What a pack's source resolved to: the immutable thing the lock pins and a later run fetches
 * again. Produced by src/sources, recorded by src/lockfile. Plain data.
 */

export type PinKind = "local" | "git" | "registry" | "npm" | "tarball";

export interface SourcePin {
  kind: PinKind;
  /**
   * The pin itself: a local folder's path as written; a git commit SHA (40 hex, also for
   * registry entries, which name a git repository); an npm package as `name@version`; a
   * tarball's path as written.
   */
  resolved: string;
  /** git and registry: the remote fetched; npm: the tarball URL. */
  url?: string;
  /** git and registry: the ref asked for (as written, or the registry entry's), if any. */
  ref?: string;
  /** git and registry: the pack's folder inside the repository. */
  path?: string;
  /** registry sources: which index named the pack, and the version of its entry. */
  registry?: { name: string; url: string; version: string };
  /** npm and .tgz: sha512 SRI of the archive bytes (npm's `dist.integrity`). */
  tarball_integrity?: string;
  /**
   * True when the source can move without packs.yaml changing: a branch or the default branch,
   * an npm range or tag rather than one version.
   */
  floating?: true;
  /**
   * Repositories the pack's manifest takes skills from (`skills: [{source: owner/repo}]`), as
   * written there → the commit each was read at.
   */
  skill_sources?: Record<string, { url: string; resolved: string; floating?: true }>;
}
