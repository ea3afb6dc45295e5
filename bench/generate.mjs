#!/usr/bin/env node
/**
 * Writes a synthetic packs project: P local packs of S skills each, every pack with one MCP
 * server and instructions, for all six agents. The project is only inputs (packs.yaml and the
 * packs); `packs apply` makes the rest. Used by bench/run.mjs; also runnable on its own:
 *
 *   node bench/generate.mjs <dir> [packs=200] [skills=10]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const AGENTS = ["opencode", "claude-code", "codex", "gemini", "vscode", "cursor"];

/** Pack and skill names are slugs; the pack's number makes every skill name unique. */
const packName = (p) => `pack-${String(p).padStart(4, "0")}`;
const skillName = (p, s) => `${packName(p)}-skill-${String(s).padStart(2, "0")}`;

/** A skill body of a few KB, the size of a typical hand-written SKILL.md. */
function skillMd(p, s) {
  const lines = [
    "---",
    `name: ${skillName(p, s)}`,
    `description: Synthetic skill ${s} of ${packName(p)}, generated for the packs benchmark. Use it when the task mentions benchmark topic ${p}.${s}.`,
    "---",
    "",
    `# ${skillName(p, s)}`,
    "",
  ];
  for (let i = 0; i < 40; i++) lines.push(`${i + 1}. Step ${i + 1} of the procedure: read the relevant files, check conventions for topic ${p}.${s}, and report what changed.`);
  return lines.join("\n") + "\n";
}

function packYaml(p, skills, skillsOnly) {
  const name = packName(p);
  if (skillsOnly) return [`name: ${name}`, `description: Synthetic pack ${p} for the packs benchmark`, `version: "1.0.${p}"`, ""].join("\n");
  return [
    `name: ${name}`,
    `description: Synthetic pack ${p} for the packs benchmark`,
    `version: "1.0.${p}"`,
    "tier: community",
    "mcp:",
    `  ${name}-mcp:`,
    "    type: stdio",
    `    command: ["npx", "-y", "@bench/mcp-server-${p}@1.0.0"]`,
    "    env:",
    `      BENCH_TOKEN: "\${env:BENCH_TOKEN}"`,
    "instructions: |",
    `  Pack ${name}: follow the conventions of topic ${p}.`,
    `  Run the tests before committing; this pack has ${skills} skills.`,
    "",
  ].join("\n");
}

/**
 * Writes the project under `dir` and returns what it wrote. `opts.agents` narrows the agents;
 * `opts.skillsOnly` leaves out MCP servers and instructions (the comparison with `skills`).
 */
export async function generate(dir, packs, skills, opts = {}) {
  const agents = opts.agents ?? AGENTS;
  const entries = [];
  let files = 1;
  for (let p = 0; p < packs; p++) {
    const root = join(dir, "agent-packs", packName(p));
    await mkdir(root, { recursive: true });
    const writes = [writeFile(join(root, "PACK.yaml"), packYaml(p, skills, opts.skillsOnly))];
    for (let s = 0; s < skills; s++) {
      const folder = join(root, "skills", skillName(p, s));
      writes.push(mkdir(folder, { recursive: true }).then(() => writeFile(join(folder, "SKILL.md"), skillMd(p, s))));
    }
    await Promise.all(writes);
    files += 1 + skills;
    entries.push(`  ${packName(p)}:\n    source: ./agent-packs/${packName(p)}`);
  }
  const yaml = `# Synthetic benchmark project: ${packs} packs x ${skills} skills.\nversion: 1\nagents: [${agents.join(", ")}]\npacks:\n${entries.join("\n")}\n`;
  await writeFile(join(dir, "packs.yaml"), yaml);
  return { packs, skills, inputFiles: files };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, packs = "200", skills = "10"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node bench/generate.mjs <dir> [packs] [skills]");
    process.exit(1);
  }
  await mkdir(dir, { recursive: true });
  console.log(await generate(dir, Number(packs), Number(skills)));
}
