/**
 * Environment references: the one grammar, used to check packs.yaml and PACK.yaml values and to
 * write them in each agent's syntax. Packs write `${env:NAME}` (or `${NAME}`), NAME matching
 * [A-Za-z_][A-Za-z0-9_]*. Every "${" starts a reference; there is no escape; a lone "$" (as in
 * `$HOME`) is literal text. Agents want their own syntax (opencode `{env:NAME}`, Claude/Gemini
 * `${NAME}`, VS Code/Cursor `${env:NAME}`).
 */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type EnvPart = { text: string } | { env: string };

export interface EnvRefError {
  /** 0-based offset of the offending "${" in the value. */
  offset: number;
  error: string;
}

/** Split a value into literal text and references, or say what is wrong with the first bad one. */
export function splitEnvRefs(value: string): EnvPart[] | EnvRefError {
  const parts: EnvPart[] = [];
  let pos = 0;
  for (let start = value.indexOf("${"); start !== -1; start = value.indexOf("${", pos)) {
    if (start > pos) parts.push({ text: value.slice(pos, start) });
    const end = value.indexOf("}", start);
    if (end === -1) return { offset: start, error: `"${value.slice(start)}" has no closing "}"` };
    const inner = value.slice(start + 2, end);
    const name = inner.startsWith("env:") ? inner.slice("env:".length) : inner;
    if (!ENV_NAME.test(name)) {
      const what = name === "" ? "names no variable" : `has an invalid variable name "${name}"`;
      return { offset: start, error: `"${value.slice(start, end + 1)}" ${what}` };
    }
    parts.push({ env: name });
    pos = end + 1;
  }
  if (pos < value.length) parts.push({ text: value.slice(pos) });
  return parts;
}

export function isEnvRefError(v: EnvPart[] | EnvRefError): v is EnvRefError {
  return !Array.isArray(v);
}

/**
 * The value with every reference written by `format`. Values reach here checked; one that is
 * not well formed is a bug upstream.
 */
export function translateEnvRefs(value: string, format: (name: string) => string): string {
  const parts = splitEnvRefs(value);
  if (isEnvRefError(parts)) throw new Error(`bug: unchecked env reference reached an adapter: ${parts.error}`);
  return parts.map((p) => ("env" in p ? format(p.env) : p.text)).join("");
}

export function translateEnvMap(map: Readonly<Record<string, string>> | undefined, format: (name: string) => string): Record<string, string> | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, translateEnvRefs(v, format)]));
}

/** Names referenced in a value (none when it is not well formed). */
export function envRefNames(value: string): string[] {
  const parts = splitEnvRefs(value);
  return isEnvRefError(parts) ? [] : parts.flatMap((p) => ("env" in p ? [p.env] : []));
}
