/**
 * The vendor packages, found in the workspace rather than listed: a package whose package.json has
 * `"customerApi": { "spec": "<path to its OpenAPI document>" }` is a vendor client. Root scripts
 * (lint, generate, demo, consumer test, test summary, README table) all start here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const PACKAGES_DIR = join(ROOT, "packages");

export interface PackageInfo {
  /** The folder name, e.g. `homele`. */
  folder: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** `@customer-api/homele` */
  name: string;
  private: boolean;
  manifest: Record<string, unknown> & { description?: string };
}

export interface VendorPackage extends PackageInfo {
  /** The vendor's short name: the package name without its scope. */
  vendor: string;
  /** Absolute path of the vendor's spec. */
  spec: string;
  /** The exported factory, `create<Vendor>Client`. */
  factory: string;
}

/** Every workspace package under packages/, in folder order. */
export function workspacePackages(): PackageInfo[] {
  return readdirSync(PACKAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(PACKAGES_DIR, entry.name, "package.json")))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => readPackage(join(PACKAGES_DIR, folder)));
}

export function readPackage(dir: string): PackageInfo {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return { folder: dir.split(/[\\/]/).pop()!, dir, name: manifest.name, private: manifest.private === true, manifest };
}

/** The package's vendor facts, or `undefined` for a package that is not a vendor client. */
export function asVendor(pkg: PackageInfo): VendorPackage | undefined {
  const facts = pkg.manifest.customerApi as { spec?: unknown } | undefined;
  if (typeof facts?.spec !== "string") return undefined;
  const vendor = pkg.name.replace(/^@[^/]+\//, "");
  const factory = `create${vendor.charAt(0).toUpperCase()}${vendor.slice(1)}Client`;
  return { ...pkg, vendor, spec: resolve(pkg.dir, facts.spec), factory };
}

/** Every vendor client package. */
export function vendorPackages(): VendorPackage[] {
  return workspacePackages().flatMap((pkg) => asVendor(pkg) ?? []);
}

/** Every published package (core, the vendors and any other public one). */
export function publicPackages(): PackageInfo[] {
  return workspacePackages().filter((pkg) => !pkg.private);
}
