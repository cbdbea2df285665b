/**
 * The ```ts blocks of a README's "Quick start" section: the code a newcomer copies first. The
 * section ends at the next heading of any level, so a sub-section that continues from the user's
 * own variables (Shtara's "Refreshing tokens") is not mistaken for a self-contained program.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface QuickStart {
  /** The README, relative to the repo root. */
  readme: string;
  blocks: string[];
}

export function quickStartBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let inSection = false;
  // Inside a fence: the lines of a ts block being collected, or null for any other language.
  let fence: { lines: string[] | null } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        if (fence.lines) blocks.push(fence.lines.join("\n"));
        fence = undefined;
      } else fence.lines?.push(line);
      continue;
    }
    if (line.startsWith("```")) {
      fence = { lines: inSection && /^```(ts|typescript)\s*$/.test(line) ? [] : null };
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) inSection = /^quick start$/i.test(heading[1]!.trim());
  }
  return blocks;
}

/** The root README and every package README that has a quick start. */
export function quickStarts(root: string, packages: string[]): QuickStart[] {
  const readmes = ["README.md", ...packages.map((p) => `packages/${p}/README.md`)];
  return readmes
    .map((readme) => ({ readme, blocks: quickStartBlocks(readFileSync(join(root, readme), "utf8")) }))
    .filter((q) => q.blocks.length > 0);
}
