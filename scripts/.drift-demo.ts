import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startMock } from "@customer-api/testkit";
import { ROOT } from "./workspace.js";

const { createPexipClient } = await import(pathToFileURL(join(ROOT, "packages/pexip/dist/index.mjs")).href);
const mock = await startMock(join(ROOT, "specs/pexip.yaml"));
const urls: string[] = [];
const fetchLogged: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  urls.push(new URL(request.url).search);
  return fetch(request);
};
const client = createPexipClient({ token: "t", baseUrl: mock.url, fetch: fetchLogged, rateLimit: false });
const ids: string[] = [];
try {
  for await (const c of client.customers.list({ pageSize: 1 })) ids.push(c.id);
  console.log(`listed ${JSON.stringify(ids)} in ${urls.length} request(s): ${urls.join(" ")}`);
} catch (error) {
  console.log(`listed ${JSON.stringify(ids)} in ${urls.length} request(s): ${urls.join(" ")}; then ${(error as Error).name}: ${(error as Error).message}`);
} finally {
  await mock.close();
}
