/**
 * Package URLs (https://github.com/package-url/purl-spec) for what the lock pins, and the npm
 * spec parsing they need. Pure; no network: a purl is only built from what the lock says.
 */

/** An npm package as named by a spec: `name`, `name@1.2.3` (exact) or `name@^1` (a range or tag). */
export interface NpmRef {
  name: string;
  version?: string;
  range?: string;
}

// npm's rules for package names (lowercase, URL-safe); the same as src/config/npm-spec.ts.
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// A single semver version (https://semver.org), which npm pins exactly.
const EXACT_VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The registry package an npm spec names, or undefined when it names none (`file:…`, a URL,
 * `github:o/r`, an invalid name). `npm:` aliases are read as the package they name.
 */
export function npmRef(spec: string): NpmRef | undefined {
  const s = spec.startsWith("npm:") ? spec.slice(4) : spec;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return undefined;
  const at = s.indexOf("@", s.startsWith("@") ? 1 : 0);
  const name = at === -1 ? s : s.slice(0, at);
  const rest = at === -1 ? undefined : s.slice(at + 1);
  if (!NPM_NAME.test(name) || rest === "") return undefined;
  if (rest === undefined) return { name };
  return EXACT_VERSION.test(rest) ? { name, version: rest.replace(/^v/, "") } : { name, range: rest };
}

/** `pkg:npm/%40scope/name@version`; the version is left out when not known. */
export function npmPurl(name: string, version?: string): string {
  const slash = name.startsWith("@") ? name.indexOf("/") : -1;
  const path = slash === -1 ? enc(name) : `${enc(name.slice(0, slash))}/${enc(name.slice(slash + 1))}`;
  return `pkg:npm/${path}${version ? `@${enc(version)}` : ""}`;
}

/** A git remote on github.com, as `owner/repo`. */
export function githubRepo(url: string): { owner: string; repo: string } | undefined {
  const u = parseUrl(url);
  if (!u || !/^(www\.)?github\.com$/i.test(u.hostname)) return undefined;
  const parts = u.pathname.split("/").filter(Boolean);
  if (parts.length !== 2) return undefined;
  return { owner: parts[0]!, repo: parts[1]!.replace(/\.git$/, "") };
}

/**
 * The purl of a git checkout at a commit: `pkg:github/owner/repo@sha` for GitHub, else
 * `pkg:generic/<name>@sha?vcs_url=git+<url>@sha` (the purl spec's form for a VCS location), with
 * the pack's folder as the purl subpath. None for a `file:` remote, which names a folder on one
 * machine rather than a package anyone else can find.
 */
export function gitPurl(name: string, url: string, sha: string, path?: string): string | undefined {
  const u = parseUrl(url);
  if (!u || u.protocol === "file:") return undefined;
  const subpath = path ? purlSubpath(path) : "";
  const gh = githubRepo(url);
  if (gh) return `pkg:github/${enc(gh.owner.toLowerCase())}/${enc(gh.repo.toLowerCase())}@${enc(sha)}${subpath}`;
  return `pkg:generic/${enc(name)}@${enc(sha)}?vcs_url=${qualifierValue(`git+${publicUrl(url)}@${sha}`)}${subpath}`;
}

/** A URL without user name or password: SBOMs are shared, and SPDX forbids credentials in a VCS location. */
export function publicUrl(url: string): string {
  const u = parseUrl(url);
  if (!u || (u.username === "" && u.password === "")) return url;
  u.username = "";
  u.password = "";
  return u.href;
}

/** A source as written (`git+https://user:token@host/…`), URL credentials removed; other text unchanged. */
export function redactSource(text: string): string {
  const m = /^(git\+)?([a-z][a-z0-9+.-]*:\/\/.*)$/i.exec(text);
  return m ? `${m[1] ?? ""}${publicUrl(m[2]!)}` : text;
}

/** True for an absolute URL that an SBOM may carry as a link. */
export function isUrl(text: string): boolean {
  return parseUrl(text) !== undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function purlSubpath(path: string): string {
  const segments = path.split("/").filter((s) => s !== "" && s !== "." && s !== "..");
  return segments.length === 0 ? "" : `#${segments.map(enc).join("/")}`;
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

/** Qualifier values keep `:` and `/` readable, as the purl spec's own examples do. */
function qualifierValue(s: string): string {
  return encodeURIComponent(s).replace(/%3A/g, ":").replace(/%2F/g, "/");
}
