/**
 * The layer rules of docs/architecture.md, read from the imports of every source file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  core: [],
  config: ["core"],
  packs: ["core", "config", "io"],
  agents: ["core"],
  lockfile: ["core"],
  observe: ["core", "io"],
  sources: ["core", "config", "packs", "io"],
  engine: ["core", "config", "packs", "agents", "lockfile", "observe", "sources", "io"],
  apply: ["core", "io", "observe"],
  ui: ["core"],
  sbom: ["core", "lockfile"],
  io: ["core"],
  cli: ["core", "config", "packs", "agents", "lockfile", "observe", "sources", "engine", "apply", "ui", "io", "sbom"],
};

/** Third-party packages the pure core may use: pure functions, no I/O. */
const CORE_PACKAGES = new Set(["jsonc-parser", "fast-json-patch", "diff", "toml-eslint-parser"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

const files = sourceFiles(SRC).map((abs) => {
  const rel = relative(SRC, abs).split("\\").join("/");
  const text = readFileSync(abs, "utf8");
  const imports = [...text.matchAll(/^\s*(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
  // Imports that load code at run time (`import type` is erased by the compiler).
  const loads = [...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^"';]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2])!);
  return { rel, layer: rel.split("/")[0]!, text, imports, loads };
});

function targetLayer(fromRel: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const parts = fromRel.split("/").slice(0, -1);
  for (const seg of spec.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts[0];
}

describe("architecture", () => {
  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(new Set(files.map((f) => f.layer))).toEqual(new Set(Object.keys(ALLOWED).filter((l) => files.some((f) => f.layer === l))));
  });

  it.each(files.map((f) => [f.rel, f] as const))("%s imports only what its layer may", (_, f) => {
    const allowed = ALLOWED[f.layer];
    expect(allowed, `unknown layer ${f.layer}`).toBeDefined();
    for (const spec of f.imports) {
      const layer = targetLayer(f.rel, spec);
      if (layer !== undefined) {
        if (layer !== f.layer) expect(allowed, `${f.rel} imports ${spec}`).toContain(layer);
        continue;
      }
      if (f.layer === "core") {
        expect(spec.startsWith("node:") ? spec : CORE_PACKAGES.has(spec) ? "ok" : spec, `core must stay pure: ${f.rel} imports ${spec}`).toBe("ok");
      }
      if (/^(node:)?fs(\/promises)?$/.test(spec) || spec === "node:child_process") {
        expect(f.layer, `${f.rel} touches the file system (${spec}) outside src/io`).toBe("io");
      }
    }
  });

  it("loads ink and React only behind the views facade, so --version and --json never pay for them", () => {
    const inkViews = (f: { rel: string }) => f.rel.startsWith("ui/ink/");
    for (const f of files.filter((x) => !inkViews(x))) {
      for (const spec of f.loads) {
        expect(/^(ink|react)(\/|$)/.test(spec) ? spec : "ok", `${f.rel} loads ${spec} eagerly`).toBe("ok");
        expect(spec.includes("/ink/") || spec.startsWith("./ink/") ? spec : "ok", `${f.rel} loads ${spec} eagerly; go through ui/views.ts`).toBe("ok");
      }
    }
    const dynamic = files.filter((f) => /import\(\s*["'][^"']*ink\//.test(f.text)).map((f) => f.rel);
    expect(dynamic).toEqual(["ui/views.ts"]);
  });

  it("only src/cli decides how the process ends", () => {
    const offenders = files.filter((f) => /process\.exit\(/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it("nothing below cli reads the environment or the clock", () => {
    const offenders = files.filter((f) => f.layer !== "cli" && /process\.env|Date\.now\(|new Date\(/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });
});
