export { type ContractKit, type ContractOptions, contractSuite } from "./contract.js";
export {
  type FaultServer,
  type Matcher,
  type Reply,
  type Responder,
  reply,
  type SeenRequest,
  startFaultServer,
} from "./fault-server.js";
export * from "./leaks.js";
export {
  MISSING_ID_MARK,
  type MockGateway,
  type MockOptions,
  type MockServer,
  SPECS_DIR,
  startMock,
  startMockGateway,
} from "./prism-mock.js";
export { arbitraryFromSchema, loadSpecSchemas } from "./schema-arbitrary.js";
export { readSpec, type SpecFacts, vendorSpecPath } from "./spec-facts.js";
export { createStrictFetch, expectCustomerShape, type StrictFetch } from "./strict-fetch.js";
export { type Handler, json, type Recorded, startServer, type TestServer } from "./test-server.js";
export {
  homeleShowDocument,
  mergedShtaraDocument,
  parseEmbeddedOpenApi,
  REPO_ROOT,
  readVendorFile,
  vendorDocsForTests,
  vendorFiles,
  vendorSpecsDir,
  yamlBlocks,
} from "./vendor-docs.js";
