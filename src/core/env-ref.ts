/**
 * Environment references. Packs and packs.yaml write `${env:NAME}` (or `${NAME}`); each agent
 * wants its own syntax (opencode `{env:NAME}`, Claude/Gemini `${NAME}`, VS Code/Cursor
 * `${env:NAME}`). Text that is not a reference is left exactly as written.
 */
const REF = /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function translateEnvRefs(value: string, format: (name: string) => string): string {
  return value.replace(REF, (_, name: string) => format(name));
}

export function translateEnvMap(map: Readonly<Record<string, string>> | undefined, format: (name: string) => string): Record<string, string> | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, translateEnvRefs(v, format)]));
}

/** Names referenced in a value. */
export function envRefNames(value: string): string[] {
  return [...value.matchAll(REF)].map((m) => m[1]!);
}
