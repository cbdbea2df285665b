import { createHash } from "node:crypto";

/** The three keys one limiter works on; see `scripts.ts` for what each holds. */
export interface LimiterKeys {
  /** `customer-api:<vendor>:{<credential hash>}:`, shared by every worker with the same vendor and credential. */
  prefix: string;
  starts: string;
  leases: string;
  pause: string;
}

const VENDOR = /^[a-z0-9][a-z0-9._-]*$/i;

/** True for a vendor name that is safe inside a key (no `:` or braces to confuse the namespace). */
export function isValidVendor(vendor: string): boolean {
  return VENDOR.test(vendor);
}

/**
 * Keys per vendor and credential, because that is what the vendor counts. The credential itself
 * never reaches Redis: only the first 16 hex digits of its SHA-256, enough to keep credentials
 * apart and too little to recover one. The braces make the hash a Redis Cluster hash tag, so
 * the three keys always live on one node and the scripts may touch them together.
 */
export function limiterKeys(vendor: string, credential: string): LimiterKeys {
  const hash = createHash("sha256").update(credential, "utf8").digest("hex").slice(0, 16);
  const prefix = `customer-api:${vendor}:{${hash}}:`;
  return { prefix, starts: `${prefix}starts`, leases: `${prefix}leases`, pause: `${prefix}pause` };
}
