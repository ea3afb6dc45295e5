/**
 * A pack key is the pack's identity in the project and becomes a file name
 * (`.packs/state/<key>.json`), so it must be a safe slug on every file system.
 */
export const PACK_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** What is wrong with `key` as a pack key, or undefined when it is fine. */
export function packKeyProblem(key: string): string | undefined {
  if (key.includes("..")) return `pack key "${key}" contains ".."`;
  if (!PACK_KEY_PATTERN.test(key)) {
    return key.length > 64 ? `pack key "${key.slice(0, 20)}…" is longer than 64 characters` : `pack key "${key}" is not a safe name`;
  }
  return undefined;
}

export const PACK_KEY_HINT =
  'Use 1-64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, without "..", e.g. dbt-tools.';
