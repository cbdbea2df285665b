import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bumpFor, changesetFor, diffSpecs, type SpecChange, specChanges } from "./spec-changes.js";

const fixtures = fileURLToPath(new URL("fixtures/spec-changes/", import.meta.url));
const load = (name: string) => parse(readFileSync(join(fixtures, name), "utf8")) as Record<string, unknown>;
const before = load("before.yaml");
const after = load("after.yaml");
const changes = diffSpecs(before, after);
const find = (where: string, what: string, status?: string) =>
  changes.filter((c) => c.where === where && c.what === what && c.status === status);
const verdict = (where: string, what: string, status?: string) => {
  const found = find(where, what, status);
  expect(
    found,
    `${where} ${status ?? ""}: ${what} in\n${changes.map((c) => `${c.where} ${c.status ?? ""}: ${c.what}`).join("\n")}`,
  ).toHaveLength(1);
  return found[0]!.breaking;
};

describe("diffSpecs on the fixture specs", () => {
  it("finds operations added and removed", () => {
    expect(verdict("PATCH /customers/{id}", "operation added")).toBe(false);
    expect(verdict("DELETE /customers/{id}", "operation removed")).toBe(true);
  });

  it("judges parameters by whether a caller must change", () => {
    expect(verdict("GET /customers", "optional query parameter `per_page` (integer) added")).toBe(false);
    expect(verdict("GET /customers", "required query parameter `store` (string) added")).toBe(true);
    expect(verdict("GET /customers", "query parameter `legacy_filter` removed")).toBe(true);
    expect(verdict("GET /customers", "query parameter `status`: values `archived` added")).toBe(false);
    // A path-level parameter counts for every operation under the path.
    expect(verdict("GET /customers/{id}", "path parameter `id` type integer → string")).toBe(true);
  });

  it("reads request fields through the body schema", () => {
    expect(verdict("POST /customers", "request field `notes` (string, optional) added")).toBe(false);
    expect(verdict("POST /customers", "request field `email` optional → required")).toBe(true);
  });

  it("reads response fields through $refs, arrays and nesting", () => {
    expect(verdict("GET /customers", "response field `next_cursor` (null|string, optional) added", "200")).toBe(false);
    expect(verdict("GET /customers", "response field `data[].fax` removed", "200")).toBe(true);
    expect(verdict("GET /customers", "response field `data[].address.country_code` (string, optional) added", "200")).toBe(false);
    expect(verdict("GET /customers/{id}", "response field `name` required → optional", "200")).toBe(true);
    expect(verdict("GET /customers/{id}", "response field `phone` type string → null|string", "200")).toBe(true);
  });

  it("reports a new field once, not each of its children", () => {
    expect(verdict("GET /customers/{id}", "response field `tags` (array<object>, optional) added", "200")).toBe(false);
    expect(changes.some((c) => c.what.includes("tags[].label"))).toBe(false);
  });

  it("finds statuses added and removed", () => {
    expect(verdict("GET /customers", "status 429 added")).toBe(false);
    expect(verdict("GET /customers/{id}", "status 404 removed")).toBe(true);
  });

  it("reports nothing for an unchanged spec, and the whole spec when one side is missing", () => {
    expect(diffSpecs(before, before)).toEqual([]);
    expect(diffSpecs(undefined, after)).toEqual([{ where: "spec", what: "new spec: 4 operations", breaking: false }]);
    expect(diffSpecs(before, undefined)).toEqual([{ where: "spec", what: "spec removed", breaking: true }]);
  });

  it("keeps a nullable request field non-breaking but a nullable response field breaking", () => {
    const widen = (doc: Record<string, unknown>) => {
      const copy = structuredClone(doc) as {
        paths: Record<
          string,
          Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>
        >;
      };
      copy.paths["/customers"]!.post!.requestBody.content["application/json"]!.schema.properties.name = {
        type: ["string", "null"],
      };
      return copy;
    };
    expect(diffSpecs(before, widen(before))).toEqual([
      { where: "POST /customers", what: "request field `name` type string → null|string", breaking: false },
    ]);
  });
});

describe("the changeset it writes", () => {
  const breaking: SpecChange = { where: "GET /x", what: "status 404 removed", breaking: true };
  const added: SpecChange = { where: "GET /x", what: "status 429 added", breaking: false };

  it("bumps minor for a breaking change while 0.x, major after, and patch or minor for additions", () => {
    expect(bumpFor([breaking, added], "0.1.0")).toBe("minor");
    expect(bumpFor([breaking], "1.2.0")).toBe("major");
    expect(bumpFor([added], "0.1.0")).toBe("patch");
    expect(bumpFor([added], "1.2.0")).toBe("minor");
  });

  it("groups one change to a shared schema into one bullet naming each operation and status", () => {
    const field = (where: string, status: string): SpecChange => ({
      where,
      status,
      what: "response field `fax` removed",
      breaking: true,
    });
    const text = changesetFor("@customer-api/shop", "0.1.0", "specs/shop.yaml", "abc1234", [
      field("GET /a", "200"),
      field("GET /a", "404"),
      field("POST /b", "201"),
    ]);
    expect(text.split("\n").filter((l) => l.startsWith("- "))).toEqual([
      "- **Breaking:** response field `fax` removed: `GET /a` (200, 404), `POST /b` (201)",
    ]);
  });

  it("is a changeset file: front matter with the package and bump, then one bullet per change", () => {
    expect(changesetFor("@customer-api/shop", "0.1.0", "specs/shop.yaml", "abc1234", [breaking, added])).toBe(
      `---\n"@customer-api/shop": minor\n---\n\n\`specs/shop.yaml\` changed since abc1234:\n\n- **Breaking:** status 404 removed: \`GET /x\`\n- status 429 added: \`GET /x\`\n`,
    );
  });
});

describe("specChanges against a git revision", () => {
  const repo = mkdtempSync(join(tmpdir(), "spec-changes-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });

  it("reads the old spec with git show and the new one from the working tree", () => {
    mkdirSync(join(repo, "specs"));
    mkdirSync(join(repo, "packages", "shop"), { recursive: true });
    writeFileSync(
      join(repo, "packages", "shop", "package.json"),
      JSON.stringify({ name: "@customer-api/shop", version: "0.1.0" }),
    );
    copyFileSync(join(fixtures, "before.yaml"), join(repo, "specs", "shop.yaml"));
    copyFileSync(join(fixtures, "before.yaml"), join(repo, "specs", "same.yaml"));
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "before");
    copyFileSync(join(fixtures, "after.yaml"), join(repo, "specs", "shop.yaml"));

    const reports = specChanges(repo, "HEAD");
    expect(reports.map((r) => r.pkg)).toEqual(["@customer-api/shop"]);
    expect(reports[0]!.changes).toEqual(changes);
    expect(reports[0]!.changeset.startsWith(`---\n"@customer-api/shop": minor\n---\n`)).toBe(true);
  });
});
