/**
 * npm package specs as packs.yaml writes them: `name`, `name@range`, `@scope/name`,
 * `@scope/name@range`. Shared by `npm:` sources and `plugins/<spec>` excludes. Syntax only: the
 * range is not interpreted here (the npm source resolves it).
 */

/** npm's rules for new package names: lowercase, URL-safe, at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const MAX_NAME_LENGTH = 214;

export interface NpmSpec {
  name: string;
  range?: string;
}

export function isNpmPackageName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NPM_NAME.test(name);
}

/** Split `name[@range]`; an error message (no trailing period) when it is not a valid spec. */
export function parseNpmSpec(text: string): NpmSpec | { error: string } {
  // A scoped name starts with "@", so the range separator is the first "@" after position 0.
  const at = text.indexOf("@", 1);
  const name = at === -1 ? text : text.slice(0, at);
  const range = at === -1 ? undefined : text.slice(at + 1);
  if (name === "") return { error: "the package name is empty" };
  if (!isNpmPackageName(name)) return { error: `"${name}" is not a valid npm package name` };
  if (range !== undefined && range.trim() === "") return { error: `"${text}" has an "@" but no version range after it` };
  return range === undefined ? { name } : { name, range };
}
