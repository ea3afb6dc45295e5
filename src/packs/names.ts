/**
 * The names a pack may use. Pack and skill names become folder names and identities in
 * packs.yaml, so they are slugs; MCP server and group names become keys in agent config files
 * (and, for some agents, parts of file names), so they may not contain `/` or start with `.`.
 */
import { parseNpmSpec } from "../config/npm-spec.js";

const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A pack or skill name: lowercase letters and digits in hyphen-separated words, 2-64 characters (altimate-code rule). */
export function isSlug(name: string): boolean {
  return name.length >= 2 && name.length <= 64 && SLUG.test(name);
}

/** An MCP server or skill group name: letters, digits, `.`, `_`, `-`; never `/`, never `..`. */
export function isKeyName(name: string): boolean {
  return name.length <= 128 && KEY_NAME.test(name) && !name.includes("..");
}

/**
 * An npm spec as opencode's `plugin[]` takes it: `name`, `@scope/name`, either with `@<range,
 * tag or git url>`, or a `file:` / `git+<protocol>:` spec. The version part is not parsed: npm
 * decides what it means; it must only be present and free of white space at its ends.
 */
export function isNpmSpec(spec: string): boolean {
  if (spec !== spec.trim() || spec === "") return false;
  if (spec.startsWith("file:")) return spec.length > "file:".length;
  if (spec.startsWith("git+")) return /^git\+[a-z]+:\/\/\S+$/.test(spec);
  const parsed = parseNpmSpec(spec);
  if ("error" in parsed) return false;
  return parsed.range === undefined || parsed.range === parsed.range.trim();
}
