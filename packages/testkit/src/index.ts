export { type FaultServer, type Matcher, type Reply, type Responder, reply, type SeenRequest, startFaultServer } from "./fault-server.js";
export * from "./vendors.js";
export * from "./leaks.js";
export { arbitraryFromSchema, loadSpecSchemas } from "./schema-arbitrary.js";
