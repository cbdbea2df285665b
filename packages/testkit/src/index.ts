export { type ContractKit, type ContractOptions, contractSuite } from "./contract.js";
export { type MockOptions, type MockServer, startMock } from "./prism-mock.js";
export { readSpec, type SpecFacts, vendorSpecPath } from "./spec-facts.js";
export { createStrictFetch, expectCustomerShape, type StrictFetch } from "./strict-fetch.js";
export { type Handler, json, type Recorded, startServer, type TestServer } from "./test-server.js";
export {
  homeleShowDocument,
  mergedShtaraDocument,
  parseEmbeddedOpenApi,
  readVendorFile,
  REPO_ROOT,
  vendorDocsForTests,
  vendorFiles,
  vendorSpecsDir,
  yamlBlocks,
} from "./vendor-docs.js";
