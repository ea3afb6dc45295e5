import { describe, expect, test } from "vitest";
import { ElementIndex } from "../../../src/core/edit/json-element-index.js";
import type { JsonValue } from "../../../src/core/json.js";

type Match = "exact" | "first-letter";
const keyOf = (match: Match, el: JsonValue) => (typeof el !== "string" ? undefined : match === "exact" ? el : el.slice(0, 1));

describe("ElementIndex", () => {
  test("finds the first element with a key, under each match on its own", () => {
    const index = new ElementIndex<Match>(keyOf);
    const arr: JsonValue[] = ["ab", 1, "b", "ac"];
    expect(index.indexOf(arr, "exact", "ac")).toBe(3);
    expect(index.indexOf(arr, "first-letter", "a")).toBe(0);
    expect(index.indexOf(arr, "exact", "a")).toBe(-1);
  });

  test("sees elements appended after a lookup", () => {
    const index = new ElementIndex<Match>(keyOf);
    const arr: JsonValue[] = ["a"];
    expect(index.indexOf(arr, "exact", "b")).toBe(-1);
    arr.push("b", "b");
    expect(index.indexOf(arr, "exact", "b")).toBe(1);
  });

  test("reads an array again after changed() (an element removed or replaced)", () => {
    const index = new ElementIndex<Match>(keyOf);
    const arr: JsonValue[] = ["a", "b", "c"];
    expect(index.indexOf(arr, "exact", "c")).toBe(2);
    arr.splice(0, 1);
    index.changed(arr);
    expect(index.indexOf(arr, "exact", "c")).toBe(1);
    arr[0] = "z";
    index.changed(arr);
    expect(index.indexOf(arr, "exact", "b")).toBe(-1);
    expect(index.indexOf(arr, "exact", "z")).toBe(0);
  });

  test("knows arrays by identity: an equal new array is read afresh", () => {
    const index = new ElementIndex<Match>(keyOf);
    expect(index.indexOf(["a"], "exact", "a")).toBe(0);
    expect(index.indexOf(["x", "a"], "exact", "a")).toBe(1);
  });
});
