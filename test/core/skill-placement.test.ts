import { describe, expect, it } from "vitest";
import { adapterFor, SKILL_DIR_PREFERENCE } from "../../src/agents/registry.js";
import type { AgentId } from "../../src/core/agent-id.js";
import { placeSkills } from "../../src/core/skill-placement.js";

const readsFrom = (a: AgentId) => adapterFor(a).skillDirs;
const place = (agents: AgentId[]) => placeSkills(agents, readsFrom, SKILL_DIR_PREFERENCE);
const dirsOf = (agents: AgentId[]) => Object.fromEntries(place(agents).placements.map((p) => [p.dir, p.serves]));

describe("placeSkills over the real agents' skill folders", () => {
  it.each<[AgentId[], Record<string, AgentId[]>, AgentId[]]>([
    [["opencode"], { ".agents/skills": ["opencode"] }, []],
    [["claude-code"], { ".claude/skills": ["claude-code"] }, []],
    [["opencode", "vscode", "cursor", "gemini", "codex"], { ".agents/skills": ["codex", "cursor", "gemini", "opencode", "vscode"] }, []],
    [["claude-code", "opencode"], { ".claude/skills": ["claude-code", "opencode"] }, []],
    [["claude-code", "gemini"], { ".agents/skills": ["gemini"], ".claude/skills": ["claude-code"] }, []],
    [["claude-code", "codex"], { ".agents/skills": ["codex"], ".claude/skills": ["claude-code"] }, []],
    // opencode reads .claude and .agents: Codex's own .codex/skills avoids the second copy for it.
    [["claude-code", "codex", "opencode"], { ".claude/skills": ["claude-code", "opencode"], ".codex/skills": ["codex"] }, []],
    [["claude-code", "codex", "vscode"], { ".claude/skills": ["claude-code", "vscode"], ".codex/skills": ["codex"] }, []],
    // Cursor reads every folder Claude and Codex read: no choice spares it a second copy. The only
    // two-folder cover, .claude + .agents, would show opencode, VS Code and Cursor two copies, so
    // fewer agents seeing duplicates wins over fewer folders.
    [
      ["opencode", "claude-code", "vscode", "cursor", "gemini", "codex"],
      { ".claude/skills": ["claude-code", "cursor", "opencode", "vscode"], ".codex/skills": ["codex"], ".gemini/skills": ["gemini"] },
      ["cursor"],
    ],
    [[], {}, []],
  ])("%j", (agents, expected, twice) => {
    expect(dirsOf(agents)).toEqual(expected);
    expect(place(agents).seenTwice).toEqual(twice);
  });

  it("serves every agent exactly once", () => {
    const all: AgentId[] = ["opencode", "claude-code", "vscode", "cursor", "gemini", "codex"];
    for (let mask = 1; mask < 1 << all.length; mask++) {
      const agents = all.filter((_, i) => mask & (1 << i));
      const served = place(agents).placements.flatMap((p) => p.serves);
      expect(served.sort()).toEqual([...agents].sort());
      for (const p of place(agents).placements) for (const a of p.serves) expect(readsFrom(a)).toContain(p.dir);
    }
  });
});
