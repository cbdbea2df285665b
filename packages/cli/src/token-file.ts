import { existsSync, readFileSync } from "node:fs";
import type { RefreshTokenSet } from "@customer-api/core";
import { writeFileAtomic } from "./atomic-write.js";
import { UsageError } from "./exit-codes.js";

/** The token set saved by an earlier run, or `undefined` when the file does not exist yet. */
export function loadTokens(file: string): RefreshTokenSet | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Partial<RefreshTokenSet>;
    if (typeof saved.refreshToken !== "string" || typeof saved.accessToken !== "string") throw new Error("fields missing");
    return { accessToken: saved.accessToken, refreshToken: saved.refreshToken, expiresAt: saved.expiresAt };
  } catch {
    // The file's content is never echoed: it holds credentials.
    throw new UsageError(`the tokens file ${file} is not a saved token set; remove it and pass --refresh-token again`);
  }
}

/** Keep a rotated token set; readable by its owner only. */
export function saveTokens(file: string, tokens: RefreshTokenSet): void {
  writeFileAtomic(file, `${JSON.stringify(tokens)}\n`, 0o600);
}
