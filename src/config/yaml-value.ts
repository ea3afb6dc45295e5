/** Narrowing helpers for the plain JS value of a YAML document (maps are plain objects). */
export function isYamlMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The string elements of a list with their indexes; other elements are the schema's business. */
export function stringItems(v: unknown): Array<[index: number, value: string]> {
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): Array<[number, string]> => (typeof item === "string" ? [[i, item]] : []));
}
