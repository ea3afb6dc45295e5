/**
 * Pieces every adapter uses: MCP server values with env references in the agent's syntax, a
 * warning for what an agent cannot express, and instruction items (a file, or a marked section
 * of a shared Markdown file).
 */
import type { AgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { translateEnvMap, translateEnvRefs } from "../core/env-ref.js";
import { canonicalText, textContent } from "../core/file-content.js";
import type { DesiredItem } from "../core/item.js";
import type { Hasher } from "../core/live.js";
import type { JsonObject } from "../core/json.js";
import type { McpServer } from "../core/pack-model.js";
import type { Selection } from "../core/select-components.js";

export type EnvFormat = (name: string) => string;

/** The server's env and headers in the agent's syntax; command and url too. */
export function translated(m: McpServer, format: EnvFormat) {
  const nonEmpty = (map: Record<string, string> | undefined) => (map && Object.keys(map).length > 0 ? map : undefined);
  return {
    command: (m.command ?? []).map((c) => translateEnvRefs(c, format)),
    url: m.url === undefined ? undefined : translateEnvRefs(m.url, format),
    env: nonEmpty(translateEnvMap(m.env, format)),
    headers: nonEmpty(translateEnvMap(m.headers, format)),
  };
}

/** A local server as most agents write it: `{ command, args, env }`, after any `extra` keys. */
export function commandEntry(t: ReturnType<typeof translated>, extra: JsonObject = {}): JsonObject {
  const [command, ...args] = t.command;
  return { ...extra, command: command!, ...(args.length > 0 && { args }), ...(t.env && { env: t.env }) };
}

/** A remote server as most agents write it: `{ url, headers }`, after any `extra` keys. */
export function urlEntry(t: ReturnType<typeof translated>, extra: JsonObject = {}): JsonObject {
  return { ...extra, url: t.url!, ...(t.headers && { headers: t.headers }) };
}

export function describeMcp(m: McpServer): string {
  return m.transport === "stdio" ? `MCP server (local: ${(m.command ?? []).join(" ")})` : `MCP server (remote ${m.transport}: ${m.url})`;
}

export function cannotExpress(agent: AgentId, sel: Selection, what: string, hint: string): Diagnostic {
  return { code: "agent/cannot-express", severity: "warning", summary: `${agent} cannot express ${what} (pack "${sel.key}"); it is not written for ${agent}`, location: sel.location, hint };
}

/** The base of every item one pack renders for one agent. */
export function itemBase(sel: Selection, agent: AgentId) {
  return { owner: sel.key, agent, serves: [agent] };
}

/** Instructions as a whole file the agent loads by itself (e.g. `.claude/rules/<pack>.md`). */
export function instructionsFile(sel: Selection, agent: AgentId, path: string, hash: Hasher, frontmatter = ""): DesiredItem[] {
  if (sel.instructions === undefined) return [];
  const text = frontmatter + withNewline(sel.instructions);
  return [{ ...itemBase(sel, agent), address: { kind: "file", path }, value: { type: "file", content: textContent(text), hash: hash(canonicalText(text)) }, description: `instructions of ${sel.pack.name}`, instructions: true }];
}

/** Instructions as a marked section of a shared Markdown file (e.g. `AGENTS.md`). */
export function instructionsSection(sel: Selection, agent: AgentId, path: string): DesiredItem[] {
  if (sel.instructions === undefined) return [];
  return [{ ...itemBase(sel, agent), address: { kind: "section", path, id: sel.key }, value: { type: "text", text: withNewline(sel.instructions) }, description: `instructions of ${sel.pack.name} (marked section)`, instructions: true }];
}

function withNewline(s: string): string {
  return s.endsWith("\n") ? s : `${s}\n`;
}
