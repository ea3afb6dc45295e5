import { describe, expect, test } from "vitest";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { crlf, lf } from "./lines.js";

describe("parseToml values", () => {
  test("tables, dotted keys, inline tables, arrays and arrays of tables", () => {
    const text = lf(
      "# header",
      'model = "o3" # trailing',
      "a.b = 1",
      "",
      "[mcp_servers.mine]",
      "command = 'npx' # literal string",
      'args = ["-y",',
      '  "pkg", # inside an array',
      "]",
      'env = { TOKEN = "x", nested.deep = true }',
      "",
      '[mcp_servers."my.server"]',
      '"@scope/x" = 1',
      "",
      "[[tools]]",
      "name = 'one'",
      "[[tools]]",
      "name = 'two'",
      "[tools.extra]",
      "x = 1",
    );
    expect(parseToml(text)).toEqual({
      value: {
        model: "o3",
        a: { b: 1 },
        mcp_servers: {
          mine: { command: "npx", args: ["-y", "pkg"], env: { TOKEN: "x", nested: { deep: true } } },
          "my.server": { "@scope/x": 1 },
        },
        tools: [{ name: "one" }, { name: "two", extra: { x: 1 } }],
      },
      errors: [],
    });
  });

  test("strings: escapes, multi-line basic and literal strings", () => {
    const text = lf('a = "tab\\there \\"q\\" \\u00e9 \\U0001F600"', 'b = """', "line 1", 'line 2"""', "c = '''", "raw \\n'''");
    expect(parseToml(text).value).toEqual({ a: 'tab\there "q" é 😀', b: "line 1\nline 2", c: "raw \\n" });
  });

  test("numbers: integers in every base and with underscores, floats, inf and nan", () => {
    const text = lf("i = 1_000", "h = 0xff", "o = 0o17", "b = 0b101", "n = -7", "f = 6.5e-1", "g = -0.0", "p = inf", "q = -inf", "r = nan");
    const value = parseToml(text).value as Record<string, number>;
    expect(value).toMatchObject({ i: 1000, h: 255, o: 15, b: 5, n: -7, f: 0.65, p: Infinity, q: -Infinity });
    expect(value.g).toBe(-0);
    expect(value.r).toBeNaN();
  });

  test("datetimes become ISO 8601 strings exactly as written, with T and Z upper case", () => {
    const text = lf(
      "odt = 1979-05-27T07:32:00Z",
      "space = 1979-05-27 07:32:00.999999-07:00",
      "lower = 1979-05-27t07:32:00z",
      "ldt = 1979-05-27T07:32:00",
      "ld = 1979-05-27",
      "lt = 07:32:00.5",
    );
    expect(parseToml(text).value).toEqual({
      odt: "1979-05-27T07:32:00Z",
      space: "1979-05-27T07:32:00.999999-07:00",
      lower: "1979-05-27T07:32:00Z",
      ldt: "1979-05-27T07:32:00",
      ld: "1979-05-27",
      lt: "07:32:00.5",
    });
  });

  test('"__proto__" is data, not a prototype', () => {
    const value = parseToml(lf('"__proto__" = { polluted = true }')).value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(value["__proto__"]).toEqual({ polluted: true });
    expect(parseToml(lf("[__proto__.x]", "y = 1")).value?.["__proto__"]).toEqual({ x: { y: 1 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  test.each([
    ["empty text", ""],
    ["comments only", lf("# nothing", "", "   # here")],
    ["a byte order mark", "\ufeff"],
  ])("%s is an empty table", (_name, text) => {
    expect(parseToml(text)).toEqual({ value: {}, errors: [] });
  });

  test("CRLF line breaks and a byte order mark", () => {
    expect(parseToml("\ufeff" + crlf("a = 1 # c", "[t]", "b = 'x'")).value).toEqual({ a: 1, t: { b: "x" } });
  });

  test("TOML 1.1 forms are read, so a file the agent accepts is never refused", () => {
    expect(parseToml(lf("t = {", "  a = 1,", "}", 'e = "\\e"', "h = 07:32")).value).toEqual({ t: { a: 1 }, e: "\u001b", h: "07:32" });
  });
});

describe("parseToml errors", () => {
  test.each([
    ["a key defined twice", lf("a = 1", "a = 2"), "defining a key multiple times is invalid", 2, 1],
    ["a table defined twice", lf("[t]", "x = 1", "[t]"), "defining a key multiple times is invalid", 3, 2],
    ["a header over a dotted-key table", lf("a.b = 1", "[a]"), "defining a key multiple times is invalid", 2, 2],
    ["extending an inline table", lf("a = { b = 1 }", "[a.c]"), "defining a key multiple times is invalid", 2, 2],
    ["a missing value", lf("a = 1", "", "b = "), "unspecified values are invalid", 4, 1],
    ["two pairs on a line", "a = 1 b = 2", "must be a newline", 1, 7],
    ["an unterminated string", lf('a = "x', "b = 1"), "unterminated string constant", 1, 7],
    ["an unterminated header (reported where the line ends)", lf("a = 1", "[t"), "unterminated table-key", 3, 1],
    ["a control character, CRLF lines", crlf("a = 1", 'b = "\u0001"'), "control characters (codes < 0x1f and 0x7f) are not allowed", 2, 6],
    ["a byte order mark does not count as a column", "\ufeffa = 1 b", "must be a newline", 1, 7],
  ])("%s: the first error with 1-based line and col", (_name, text, message, line, col) => {
    expect(parseToml(text)).toEqual({ value: undefined, errors: [{ message, line, col }] });
  });
});
