/** Records and helpers shared by the unit tests that run against a local node:http server. */
export const JANE = "3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11";
export const LOCATION = "9b2d7e44-1c3a-4f5e-8d6b-7a9c0e1f2a33";

/** A distinct, valid customer UUID per number. */
export const customerId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const envelope = (message: string, body: unknown) => ({ success: true, message, body });
export const failure = (message: string, body: unknown = null) => ({ success: false, message, body });
