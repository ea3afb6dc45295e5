/**
 * `exclude:` entries name one component of a pack: `skills/<name>`, `mcp/<name>`,
 * `plugins/<npm spec>` or `instructions`. Syntax only: whether the pack has that component is
 * checked once the pack is resolved.
 */
import { parseNpmSpec } from "./npm-spec.js";

export type ExcludeSpec =
  | { kind: "skills" | "mcp"; name: string }
  | { kind: "plugins"; spec: string }
  | { kind: "instructions" };

const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const EXCLUDE_HINT = "Write skills/<name>, mcp/<name>, plugins/<npm package> or instructions, e.g. skills/legacy-review.";

export function parseExcludeSpec(text: string): ExcludeSpec | { error: string } {
  if (text === "instructions") return { kind: "instructions" };
  const slash = text.indexOf("/");
  const kind = slash === -1 ? text : text.slice(0, slash);
  const rest = slash === -1 ? "" : text.slice(slash + 1);
  if (kind === "skills" || kind === "mcp") {
    if (!COMPONENT_NAME.test(rest)) return { error: `exclude "${text}" does not name one ${kind === "mcp" ? "MCP server" : "skill"}` };
    return { kind, name: rest };
  }
  if (kind === "plugins") {
    const spec = parseNpmSpec(rest);
    return "error" in spec ? { error: `exclude "${text}": ${spec.error}` } : { kind, spec: rest };
  }
  return { error: `exclude "${text}" is not a component of a pack` };
}
