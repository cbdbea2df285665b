import { defineConfig } from "tsup";
import base from "../../tsup.config.base.js";

// Node-only (ioredis, node:crypto): the one package built for Node instead of every runtime.
export default defineConfig({ ...base, platform: "node" });
