import { readReal } from "../../real-fixtures.js";
/**
 * Real config files from public repositories: every edit must leave all other bytes alone, and
 * adding then removing must give back the original file byte for byte.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { applyJsoncEdits } from "../../../src/core/edit/jsonc-edit.js";
import { parseJsonc } from "../../../src/core/edit/jsonc-parse.js";

const real = readReal;

/** `text` with `find` (which must occur exactly once) replaced. */
function replaceOnce(text: string, find: string, replacement: string): string {
  expect(text.split(find)).toHaveLength(2);
  return text.replace(find, () => replacement);
}

const dbt = { type: "local", command: ["uvx", "dbt-mcp"], enabled: true };

describe("altimate-code .opencode/opencode.jsonc (comments, trailing commas)", () => {
  const original = real("altimate-code/.opencode/opencode.jsonc");

  test("set /mcp/dbt in the empty mcp object and append to a new plugin array", () => {
    const edited = applyJsoncEdits(original, [
      { op: "set", path: ["mcp", "dbt"], value: dbt },
      { op: "append", path: ["plugin"], value: "opencode-dbt@1.0.0" },
    ]);
    let expected = replaceOnce(
      original,
      '  "mcp": {},\n',
      [
        '  "mcp": {',
        '    "dbt": {',
        '      "type": "local",',
        '      "command": [',
        '        "uvx",',
        '        "dbt-mcp"',
        "      ],",
        '      "enabled": true',
        "    }",
        "  },",
        "",
      ].join("\n"),
    );
    expected = replaceOnce(expected, '    "github-pr-search": false,\n  },\n}\n', '    "github-pr-search": false,\n  },\n  "plugin": [\n    "opencode-dbt@1.0.0"\n  ],\n}\n');
    expect(edited).toBe(expected);
    expect(parseJsonc(edited).errors).toEqual([]);

    expect(applyJsoncEdits(edited, [{ op: "remove", path: ["mcp", "dbt"] }, { op: "remove", path: ["plugin"] }])).toBe(original);
    expect(
      applyJsoncEdits(edited, [
        { op: "remove-element", path: ["plugin"], index: 0 },
        { op: "remove", path: ["plugin"] },
        { op: "remove", path: ["mcp", "dbt"] },
      ]),
    ).toBe(original);
  });

  test("add a model after the commented-out examples; the comments stay put", () => {
    const edited = applyJsoncEdits(original, [{ op: "set", path: ["provider", "lmstudio", "models", "qwen"], value: { name: "Qwen" } }]);
    const expected = replaceOnce(
      original,
      "        //   \"limit\": { \"context\": 65536, \"output\": 8192 }\n        // }\n      },\n",
      '        //   "limit": { "context": 65536, "output": 8192 }\n        // }\n        "qwen": {\n          "name": "Qwen"\n        }\n      },\n',
    );
    expect(edited).toBe(expected);
    expect(applyJsoncEdits(edited, [{ op: "remove", path: ["provider", "lmstudio", "models", "qwen"] }])).toBe(original);
  });

  test("edits next to comments keep them", () => {
    const edited = applyJsoncEdits(original, [
      { op: "remove", path: ["provider", "opencode"] },
      { op: "append", path: ["provider", "lmstudio", "env"], value: "LMSTUDIO_HOST" },
      { op: "set", path: ["tools", "github-triage"], value: true },
      { op: "remove", path: ["tools", "github-pr-search"] },
    ]);
    let expected = replaceOnce(original, '    "opencode": {\n      "options": {},\n    },\n', "");
    expected = replaceOnce(expected, '"env": ["LMSTUDIO_API_KEY"],', '"env": ["LMSTUDIO_API_KEY", "LMSTUDIO_HOST"],');
    expected = replaceOnce(expected, '    "github-triage": false,\n    "github-pr-search": false,\n', '    "github-triage": true,\n');
    expect(edited).toBe(expected);
  });

  test("removing the last member of objects with trailing commas", () => {
    const edited = applyJsoncEdits(original, [
      { op: "remove", path: ["permission", "edit", "packages/opencode/migration/*"] },
      { op: "remove", path: ["tools"] },
    ]);
    let expected = replaceOnce(original, '    "edit": {\n      "packages/opencode/migration/*": "deny",\n    },\n', '    "edit": {},\n');
    expected = replaceOnce(expected, '  "tools": {\n    "github-triage": false,\n    "github-pr-search": false,\n  },\n', "");
    expect(edited).toBe(expected);
  });
});

describe("vscode .vscode/mcp.json (tabs)", () => {
  const original = real("vscode/.vscode/mcp.json");

  test("add a server and an input with tabs, then remove both", () => {
    const edited = applyJsoncEdits(original, [
      { op: "set", path: ["servers", "dbt"], value: { type: "stdio", command: "uvx", args: ["dbt-mcp"] } },
      { op: "append", path: ["inputs"], value: { id: "token", type: "promptString", password: true } },
    ]);
    let expected = replaceOnce(
      original,
      '\t\t\t"cwd": "${workspaceFolder}/test/mcp"\n\t\t}\n',
      '\t\t\t"cwd": "${workspaceFolder}/test/mcp"\n\t\t},\n\t\t"dbt": {\n\t\t\t"type": "stdio",\n\t\t\t"command": "uvx",\n\t\t\t"args": [\n\t\t\t\t"dbt-mcp"\n\t\t\t]\n\t\t}\n',
    );
    expected = replaceOnce(
      expected,
      '\t"inputs": []\n',
      '\t"inputs": [\n\t\t{\n\t\t\t"id": "token",\n\t\t\t"type": "promptString",\n\t\t\t"password": true\n\t\t}\n\t]\n',
    );
    expect(edited).toBe(expected);
    expect(applyJsoncEdits(edited, [{ op: "remove", path: ["servers", "dbt"] }, { op: "remove-element", path: ["inputs"], index: 0 }])).toBe(
      original,
    );
  });

  test("append to a one-line array stays one line", () => {
    const edited = applyJsoncEdits(original, [{ op: "append", path: ["servers", "vscode-playwright-mcp", "args"], value: "--debug" }]);
    expect(edited).toBe(replaceOnce(original, '["run", "start-stdio"]', '["run", "start-stdio", "--debug"]'));
    expect(applyJsoncEdits(edited, [{ op: "remove-element", path: ["servers", "vscode-playwright-mcp", "args"], index: 2 }])).toBe(original);
  });
});

describe("modelcontextprotocol/servers .mcp.json", () => {
  const original = real("modelcontextprotocol-servers/.mcp.json");

  test("add a scoped server and an argument, then remove both", () => {
    const edited = applyJsoncEdits(original, [
      { op: "set", path: ["mcpServers", "@scope/name"], value: { command: "npx", args: ["-y", "@scope/name"] } },
      { op: "append", path: ["mcpServers", "sequential-thinking", "args"], value: "--verbose" },
    ]);
    let expected = replaceOnce(original, '        "mcp/sequential-thinking"\n', '        "mcp/sequential-thinking",\n        "--verbose"\n');
    expected = replaceOnce(
      expected,
      "      ]\n    }\n  }\n}\n",
      '      ]\n    },\n    "@scope/name": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@scope/name"\n      ]\n    }\n  }\n}\n',
    );
    expect(edited).toBe(expected);
    expect(
      applyJsoncEdits(edited, [
        { op: "remove", path: ["mcpServers", "@scope/name"] },
        { op: "remove-element", path: ["mcpServers", "sequential-thinking", "args"], index: 12 },
      ]),
    ).toBe(original);
  });

  test("remove an option pair from a line holding two elements", () => {
    const edited = applyJsoncEdits(original, [
      { op: "remove-element", path: ["mcpServers", "sequential-thinking", "args"], index: 4 },
      { op: "remove-element", path: ["mcpServers", "sequential-thinking", "args"], index: 3 },
    ]);
    expect(edited).toBe(replaceOnce(original, '        "-e", "MAX_THOUGHT_LENGTH=5000",\n', ""));
  });

  test("remove the first server", () => {
    const edited = applyJsoncEdits(original, [{ op: "remove", path: ["mcpServers", "mcp-docs"] }]);
    expect(edited).toBe(replaceOnce(original, '    "mcp-docs": {\n      "type": "http",\n      "url": "https://modelcontextprotocol.io/mcp"\n    },\n', ""));
  });
});
