import { describe, expect, it } from "vitest";
import { quickStartBlocks } from "./readme-blocks.js";

describe("quickStartBlocks", () => {
  it("takes the ts blocks under Quick start, up to the next heading of any level", () => {
    const md = [
      "# pkg",
      "```ts",
      "before();",
      "```",
      "## Quick start",
      "```sh",
      "# a shell comment, not a heading",
      "npm install pkg",
      "```",
      "```ts",
      "first();",
      "```",
      "text",
      "```typescript",
      "second();",
      "```",
      "### Refreshing tokens",
      "```ts",
      "usesTheReadersOwnVariables();",
      "```",
      "## Options",
      "```ts",
      "after();",
      "```",
    ].join("\n");
    expect(quickStartBlocks(md)).toEqual(["first();", "second();"]);
  });

  it("finds nothing without a Quick start heading", () => {
    expect(quickStartBlocks("# pkg\n```ts\nx();\n```\n")).toEqual([]);
  });
});
