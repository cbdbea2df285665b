/**
 * Suites that need a real `redis-server`: without the binary they skip (and say how to install it)
 * on a developer's machine, and fail under CI, where a skipped suite would pass unseen.
 */
import { describe, test } from "vitest";
import { INSTALL_HINT, redisServerBinary } from "./redis-process.js";

export { type RedisServer, startRedis } from "./redis-process.js";

const inCi = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

/** `describe` for suites that need `redis-server`: runs, skips with a hint, or fails under CI. */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerBinary) {
    describe(name, body);
  } else if (inCi) {
    describe(name, () => {
      test("redis-server is installed", () => {
        throw new Error(
          `redis-server is not on PATH, so the shared limiter cannot be tested; ${INSTALL_HINT} and run the tests again`,
        );
      });
    });
  } else {
    console.warn(
      `[@customer-api/redis] skipping "${name}": redis-server is not on PATH; ${INSTALL_HINT} and run the tests again`,
    );
    describe.skip(name, body);
  }
}
