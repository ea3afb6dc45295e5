/**
 * VS Code (Copilot) and Cursor cannot be installed from npm, so what packs writes for them is
 * checked against their published shapes instead of a running client: apply the multi-agent
 * fixture through the real CLI with `agents: [vscode, cursor]`, then validate every file written
 * for those two agents with ajv against the schemas in ./schemas. Each schema's `$comment` names
 * its source (repository, path and commit, or URL) and whether it is VS Code's own schema or a
 * transcription of documentation. Each schema also has a negative case, so the validator is shown
 * to reject a wrong shape.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { parse as parseJsonc, type ParseError, printParseErrorCode } from "jsonc-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { REAL_FIXTURES } from "../real-fixtures.js";
import { PACKS, ROOT, run } from "./client-harness.js";

const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv) => Ajv;
const FIXTURE = join(import.meta.dirname, "fixtures", "multi-agent-project");
const SCHEMAS = join(import.meta.dirname, "schemas");

/** Skill folders each client reads in a project (VS Code: DEFAULT_SKILL_SOURCE_FOLDERS in
 * microsoft/vscode promptFileLocations.ts; Cursor: https://cursor.com/docs/skills). */
const SKILL_DIRS_READ_BY = {
  vscode: [".github/skills", ".agents/skills", ".claude/skills"],
  cursor: [".agents/skills", ".cursor/skills", ".claude/skills", ".codex/skills"],
};
const ALL_SKILL_DIRS = [".agents/skills", ".claude/skills", ".github/skills", ".cursor/skills", ".codex/skills"];

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
// Annotation keywords of VS Code's JSON language service, present in the transcribed VS Code schema.
ajv.addVocabulary(["allowComments", "allowTrailingCommas", "markdownDescription", "enumDescriptions", "patternErrorMessage"]);
addFormats(ajv);

function schema(name: string): ValidateFunction {
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), "utf8")) as object);
}
const vscodeMcp = schema("vscode-mcp");
const cursorMcp = schema("cursor-mcp");
const vscodeInstructions = schema("vscode-instructions-frontmatter");
const cursorRule = schema("cursor-rule-frontmatter");
const vscodeSkill = schema("vscode-skill-frontmatter");

/** Validate and return the ajv errors as readable lines ([] = valid). */
function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** VS Code and Cursor read these files as JSON with comments (VS Code's schema sets allowComments). */
function readJsonc(path: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(readFileSync(path, "utf8"), errors, { allowTrailingComma: true, disallowComments: false });
  expect(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), path).toEqual([]);
  return value;
}

/** The YAML frontmatter of a Markdown file (`---` first line … `---`), parsed; throws if there is none. */
function frontmatter(path: string): unknown {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(readFileSync(path, "utf8"));
  if (!m) throw new Error(`${path}: no frontmatter`);
  return parseYaml(m[1]!) as unknown;
}

function files(dir: string, suffix: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).sort() : [];
}

interface PackServer {
  env?: Record<string, string>;
  headers?: Record<string, string>;
}

describe("what packs writes for VS Code and Cursor matches their published schemas", () => {
  let project: string;
  const pack = parseYaml(readFileSync(join(FIXTURE, "packs", "team", "PACK.yaml"), "utf8")) as {
    mcp: Record<string, PackServer>;
    instructions?: string;
  };

  beforeAll(() => {
    if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("no dist/: run `npm run build` first (npm test does)");
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-vscode-cursor-")));
    cpSync(FIXTURE, project, { recursive: true });
    const config = parseYaml(readFileSync(join(project, "packs.yaml"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(project, "packs.yaml"), stringifyYaml({ ...config, agents: ["vscode", "cursor"] }));
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = run(process.execPath, [PACKS, "apply", "--yes"], project);
    expect(applied.stderr).toBe("");
    expect(applied.code, applied.stdout).toBe(0);
  });

  describe("VS Code .vscode/mcp.json (microsoft/vscode mcpServerSchema)", () => {
    it("validates, with one entry per pack server", () => {
      const config = readJsonc(join(project, ".vscode", "mcp.json")) as { servers: Record<string, unknown> };
      expect(errorsOf(vscodeMcp, config)).toEqual([]);
      expect(Object.keys(config.servers).sort()).toEqual(Object.keys(pack.mcp).sort());
    });

    it("keeps the pack's ${env:NAME} references in env and headers", () => {
      const config = readJsonc(join(project, ".vscode", "mcp.json")) as { servers: Record<string, PackServer> };
      expectEnvReferences(config.servers);
    });

    it("rejects a stdio server whose command is an array", () => {
      const bad = { servers: { s: { type: "stdio", command: ["node", "mcp.js"] } } };
      expect(errorsOf(vscodeMcp, bad)).not.toEqual([]);
    });

    it("rejects an http server with a non-http url, and a server field VS Code does not know", () => {
      expect(errorsOf(vscodeMcp, { servers: { r: { type: "http", url: "ftp://example.com/mcp" } } })).not.toEqual([]);
      expect(errorsOf(vscodeMcp, { servers: { r: { type: "http", url: "https://example.com/mcp", transport: "http" } } })).not.toEqual([]);
    });

    it("rejects the mcpServers key: the portable root .mcp.json format is not what this schema describes", () => {
      const portable = readJsonc(join(FIXTURE, ".mcp.json"));
      expect(errorsOf(vscodeMcp, portable)).not.toEqual([]);
    });

    it.skipIf(!existsSync(join(REAL_FIXTURES, "vscode", ".vscode", "mcp.json")))(
      "accepts the .vscode/mcp.json that microsoft/vscode itself ships (the transcription is not too strict)",
      () => {
        expect(errorsOf(vscodeMcp, readJsonc(join(REAL_FIXTURES, "vscode", ".vscode", "mcp.json")))).toEqual([]);
      },
    );
  });

  describe("Cursor .cursor/mcp.json (transcribed from cursor.com/docs/mcp)", () => {
    it("validates, with one entry per pack server", () => {
      const config = readJsonc(join(project, ".cursor", "mcp.json")) as { mcpServers: Record<string, unknown> };
      expect(errorsOf(cursorMcp, config)).toEqual([]);
      expect(Object.keys(config.mcpServers).sort()).toEqual(Object.keys(pack.mcp).sort());
    });

    it("keeps the pack's ${env:NAME} references in env and headers", () => {
      const config = readJsonc(join(project, ".cursor", "mcp.json")) as { mcpServers: Record<string, PackServer> };
      expectEnvReferences(config.mcpServers);
    });

    it("rejects a stdio server whose command is an array", () => {
      expect(errorsOf(cursorMcp, { mcpServers: { s: { command: ["node", "mcp.js"] } } })).not.toEqual([]);
    });

    it("rejects a server with neither command nor url, and VS Code's `servers` key", () => {
      expect(errorsOf(cursorMcp, { mcpServers: { s: { args: ["x"] } } })).not.toEqual([]);
      expect(errorsOf(cursorMcp, { servers: { s: { command: "node" } } })).not.toEqual([]);
    });
  });

  describe("instructions", () => {
    it("VS Code: .github/instructions/*.instructions.md frontmatter validates and applies to every file", () => {
      const dir = join(project, ".github", "instructions");
      const found = files(dir, ".instructions.md");
      expect(found).toEqual(["team.instructions.md"]);
      for (const f of found) {
        const fm = frontmatter(join(dir, f));
        expect(errorsOf(vscodeInstructions, fm), f).toEqual([]);
        // Not required by VS Code, but without applyTo the file is only used when attached by hand.
        expect(fm, f).toMatchObject({ applyTo: "**" });
        expect(readFileSync(join(dir, f), "utf8")).toContain(pack.instructions!.trim());
      }
    });

    it("VS Code: rejects applyTo as a YAML list and Cursor's alwaysApply key", () => {
      expect(errorsOf(vscodeInstructions, { applyTo: ["**/*.ts"] })).not.toEqual([]);
      expect(errorsOf(vscodeInstructions, { applyTo: "**", alwaysApply: true })).not.toEqual([]);
    });

    it("Cursor: .cursor/rules/*.mdc frontmatter validates and is always applied", () => {
      const dir = join(project, ".cursor", "rules");
      const found = files(dir, ".mdc");
      expect(found).toEqual(["team.mdc"]);
      for (const f of found) {
        const fm = frontmatter(join(dir, f));
        expect(errorsOf(cursorRule, fm), f).toEqual([]);
        expect(fm, f).toMatchObject({ alwaysApply: true });
        expect(readFileSync(join(dir, f), "utf8")).toContain(pack.instructions!.trim());
      }
    });

    it("Cursor: rejects alwaysApply as the string \"true\" and VS Code's applyTo key", () => {
      expect(errorsOf(cursorRule, { alwaysApply: "true" })).not.toEqual([]);
      expect(errorsOf(cursorRule, { alwaysApply: true, applyTo: "**" })).not.toEqual([]);
    });
  });

  describe("skills", () => {
    const expected = readdirSync(join(FIXTURE, "packs", "team", "skills")).sort();

    it("each skill is in a folder both VS Code and Cursor read, with a SKILL.md whose name is the folder name", () => {
      const written = ALL_SKILL_DIRS.filter((d) => existsSync(join(project, d)));
      expect(written.length, "no skills folder written").toBeGreaterThan(0);
      for (const client of ["vscode", "cursor"] as const) {
        const reads = written.filter((d) => SKILL_DIRS_READ_BY[client].includes(d));
        expect(reads, `${client} reads none of ${written.join(", ")}`).not.toEqual([]);
        for (const skill of expected) {
          expect(reads.some((d) => existsSync(join(project, d, skill, "SKILL.md"))), `${client}: ${skill}`).toBe(true);
        }
      }
      for (const d of written) {
        for (const skill of readdirSync(join(project, d))) {
          const path = join(project, d, skill, "SKILL.md");
          expect(existsSync(path), path).toBe(true);
          const fm = frontmatter(path);
          expect(errorsOf(vscodeSkill, fm), path).toEqual([]);
          expect((fm as { name: string }).name, path).toBe(skill);
        }
      }
    });

    it("rejects a name VS Code would not load and a skill without a description", () => {
      expect(errorsOf(vscodeSkill, { name: "team/review_sql", description: "x" })).not.toEqual([]);
      expect(errorsOf(vscodeSkill, { name: "review-sql" })).not.toEqual([]);
    });
  });

  /** Every env and header value of each pack server is written as the pack gave it (`${env:NAME}`
   * or a literal), and no other `${…}` form (VS Code and Cursor resolve only `${env:NAME}` for env). */
  function expectEnvReferences(servers: Record<string, PackServer>): void {
    let references = 0;
    for (const [name, server] of Object.entries(pack.mcp)) {
      for (const field of ["env", "headers"] as const) {
        for (const [key, value] of Object.entries(server[field] ?? {})) {
          if (/\$\{env:\w+\}/.test(value)) references++;
          expect(servers[name]?.[field]?.[key], `${name}.${field}.${key}`).toBe(value);
        }
      }
    }
    expect(references, "the fixture pack uses env references").toBeGreaterThan(0);
    const text = JSON.stringify(servers);
    expect(text.match(/\$\{(?!env:)[^}]*\}/g) ?? []).toEqual([]);
  }
});
