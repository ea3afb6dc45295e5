/**
 * Parse a pack's `source:` text into a SourceSpec. Syntax only: nothing is fetched or checked on
 * disk. Accepted forms (DESIGN §2):
 *   ./packs/x, ../x, /abs/x, packs/x    local directory (anything without a scheme)
 *   ./dist/x-1.0.0.tgz                  local npm tarball (a local path ending in .tgz)
 *   github:owner/repo                   GitHub shorthand → https://github.com/owner/repo.git
 *   git+https://… git+ssh://… git+file:///…   any git remote (the url loses its "git+")
 *   registry:name[@range]               a name in a registry index
 *   npm:pkg[@range], npm:@scope/pkg[@range]
 * The tag/branch and the folder inside a repository go in `ref:` and `path:`, never in the source.
 */
import type { SourceSpec } from "./project-config.js";
import { parseNpmSpec } from "./npm-spec.js";

export const SOURCE_FORMS_HINT =
  "Write a local path (./packs/x), github:owner/repo, git+https://host/repo.git (or git+ssh://, git+file://), " +
  "registry:name[@range], npm:pkg[@range], or a path to a .tgz file.";

export type SourceSpecError = { error: string; hint: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
/** scp-like git remotes (`git@github.com:o/r.git`) have no scheme but are not local paths. */
const SCP_LIKE = /^[\w.-]+@[\w.-]+:/;
const GITHUB_OWNER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const REGISTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GIT_PROTOCOLS = new Set(["https:", "http:", "ssh:", "git:", "file:"]);

export function parseSourceSpec(text: string): SourceSpec | SourceSpecError {
  if (text.trim() === "") return fail("the source is empty");
  if (text !== text.trim()) return fail(`the source "${text}" has leading or trailing spaces`, "Remove the spaces.");
  if (SCP_LIKE.test(text)) {
    return fail(`"${text}" looks like an scp-style git remote`, "Write it as a URL: git+ssh://user@host/owner/repo.git.");
  }
  const scheme = WINDOWS_DRIVE.test(text) ? undefined : SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return text.endsWith(".tgz") ? { kind: "tarball", path: text } : { kind: "local", path: text };
  const rest = text.slice(scheme.length + 1);
  if (scheme === "github") return parseGithub(rest);
  if (scheme === "registry") return parseRegistry(rest);
  if (scheme === "npm") return parseNpm(rest);
  if (scheme.startsWith("git+")) return parseGitUrl(text.slice("git+".length));
  if (GIT_PROTOCOLS.has(`${scheme}:`)) {
    return fail(`"${text}" is a URL without "git+"`, `For a git remote write git+${text}; for GitHub, github:owner/repo also works.`);
  }
  return fail(`unknown source scheme "${scheme}:" in "${text}"`);
}

export function isSourceSpecError(v: SourceSpec | SourceSpecError): v is SourceSpecError {
  return "error" in v;
}

function parseGithub(rest: string): SourceSpec | SourceSpecError {
  const withoutGit = rest.endsWith(".git") ? rest.slice(0, -".git".length) : rest;
  if (/[#@]/.test(withoutGit)) {
    return fail(`"github:${rest}" has a ref in it`, "Write github:owner/repo and put the tag, branch or commit in ref:.");
  }
  const parts = withoutGit.split("/");
  if (parts.length > 2) {
    return fail(`"github:${rest}" has a folder in it`, "Write github:owner/repo and put the folder inside the repository in path:.");
  }
  const [owner = "", repo = ""] = parts;
  if (!GITHUB_OWNER.test(owner) || !GITHUB_REPO.test(repo) || repo === "." || repo === "..") {
    return fail(`"github:${rest}" is not github:owner/repo`, "Write github:owner/repo, e.g. github:acme/agent-packs.");
  }
  return { kind: "git", url: `https://github.com/${owner}/${repo}.git`, github: { owner, repo } };
}

function parseGitUrl(url: string): SourceSpec | SourceSpecError {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`"git+${url}" is not a valid URL`, "Write git+https://host/owner/repo.git, git+ssh://git@host/owner/repo.git or git+file:///abs/path.");
  }
  if (!GIT_PROTOCOLS.has(parsed.protocol)) {
    return fail(`"git+${url}" uses ${parsed.protocol}, which git sources do not support`, "Use git+https://, git+http://, git+ssh://, git+git:// or git+file://.");
  }
  if (parsed.hash !== "") {
    return fail(`"git+${url}" has a #fragment`, "Remove the #… part and put the tag, branch or commit in ref:.");
  }
  if (parsed.protocol === "file:" ? parsed.pathname === "/" || parsed.pathname === "" : parsed.hostname === "") {
    return fail(`"git+${url}" names no repository`, "Write git+https://host/owner/repo.git or git+file:///abs/path/to/repo.");
  }
  const github = parsed.protocol === "https:" && parsed.hostname.toLowerCase() === "github.com" ? githubOf(parsed.pathname) : undefined;
  return github ? { kind: "git", url, github } : { kind: "git", url };
}

/** owner/repo from a github.com URL path like `/acme/agent-packs.git`; undefined for other shapes. */
function githubOf(pathname: string): { owner: string; repo: string } | undefined {
  const m = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(pathname);
  if (!m || !GITHUB_OWNER.test(m[1]!) || !GITHUB_REPO.test(m[2]!)) return undefined;
  return { owner: m[1]!, repo: m[2]! };
}

function parseRegistry(rest: string): SourceSpec | SourceSpecError {
  const at = rest.indexOf("@");
  const name = at === -1 ? rest : rest.slice(0, at);
  const range = at === -1 ? undefined : rest.slice(at + 1);
  if (!REGISTRY_NAME.test(name)) {
    return fail(`"registry:${rest}" does not name a pack`, "Write registry:name or registry:name@range, e.g. registry:dbt-cloud@^1.");
  }
  if (range !== undefined && range.trim() === "") {
    return fail(`"registry:${rest}" has an "@" but no version range`, "Write a range after the @ (e.g. @^1), or drop the @.");
  }
  return range === undefined ? { kind: "registry", name } : { kind: "registry", name, range };
}

function parseNpm(rest: string): SourceSpec | SourceSpecError {
  const spec = parseNpmSpec(rest);
  if ("error" in spec) return fail(`npm source "npm:${rest}": ${spec.error}`, "Write npm:pkg, npm:pkg@range or npm:@scope/pkg@range.");
  return spec.range === undefined ? { kind: "npm", name: spec.name } : { kind: "npm", name: spec.name, range: spec.range };
}

function fail(error: string, hint: string = SOURCE_FORMS_HINT): SourceSpecError {
  return { error, hint };
}
