/**
 * Environment references in packs.yaml and PACK.yaml values: `${env:NAME}` or `${NAME}`, NAME
 * matching [A-Za-z_][A-Za-z0-9_]*. Every "${" starts a reference; there is no escape. A lone "$"
 * (e.g. `$HOME`) is literal text. This module checks the syntax (for diagnostics);
 * core/env-ref.ts translates valid references into each agent's syntax, and accepts exactly the
 * references accepted here (test/config/grammars.test.ts checks that they agree).
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
