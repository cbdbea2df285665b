import { ConfigurationError } from "@customer-api/core/vendor-kit";

/** Pexip runs separate hosts for production and development (the docs' examples use development). */
export type PexipEnvironment = "production" | "development";

// The production hosts are assumed: the docs show the `development.` ones (specs/pexip.yaml x-assumption).
const HOST_SUFFIX: Record<PexipEnvironment, string> = {
  production: "pexipengage.com",
  development: "development.pexipengage.com",
};

export function configError(message: string): ConfigurationError {
  return new ConfigurationError({ vendor: "pexip", message: `pexip: ${message}` });
}

function hostSuffix(environment: PexipEnvironment = "production"): string {
  if (!Object.hasOwn(HOST_SUFFIX, environment)) {
    throw configError('`environment` must be "production" or "development"');
  }
  return HOST_SUFFIX[environment];
}

/** The enterprise as one percent-encoded path segment: it can never reach another path. */
export function enterpriseSegment(enterprise: unknown): string {
  if (typeof enterprise !== "string" || enterprise.trim() === "") {
    throw configError("`enterprise` is required (or give `baseUrl`)");
  }
  if (/^\.{1,2}$/.test(enterprise)) throw configError("`enterprise` cannot be a dot segment");
  try {
    return encodeURIComponent(enterprise);
  } catch {
    throw configError("`enterprise` is not well-formed Unicode");
  }
}

/** `https://api[.development].pexipengage.com/enterprises/{enterprise}` */
export function pexipBaseUrl(enterprise: unknown, environment?: PexipEnvironment): string {
  return `https://api.${hostSuffix(environment)}/enterprises/${enterpriseSegment(enterprise)}`;
}

/** The enterprise's Keycloak realm token endpoint. */
export function pexipTokenUrl(enterprise: unknown, environment?: PexipEnvironment): string {
  return `https://auth.${hostSuffix(environment)}/realms/${enterpriseSegment(enterprise)}/protocol/openid-connect/token`;
}
