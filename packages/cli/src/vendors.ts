/**
 * What the CLI knows about each vendor: its environment variables, the client options it takes,
 * how its spec's list parameters map onto its client's `customers.list` parameters, and how to
 * build the client. Only the published clients' public API is used.
 */
import { type CoaxListParams, createCoaxClient } from "@customer-api/coax";
import type { ClientOptions, Customer, ListOptions, PagedList, RefreshTokenSet } from "@customer-api/core";
import { createHamgamClient, type HamgamListParams } from "@customer-api/hamgam";
import { createHomeleClient, type HomeleListParams } from "@customer-api/homele";
import { createPexipClient, type PexipEnvironment, type PexipListParams } from "@customer-api/pexip";
import { createShtaraClient, type ShtaraListParams } from "@customer-api/shtara";
import { UsageError } from "./exit-codes.js";
import type { ListParamName, SpecVendor } from "./generated/list-filters.js";
import { loadTokens, saveTokens } from "./token-file.js";

/** Everything a user can say about how to reach a vendor, from flags or the environment. */
export interface Connection {
  token?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  tokensFile?: string;
  baseUrl?: string;
  enterprise?: string;
  environment?: string;
  locationId?: string;
  acceptLanguage?: string;
}

export type ConnectionKey = keyof Connection;

/** The client options the CLI sets for every vendor (the credentials come from `Connection`). */
export type CommonClientOptions = Omit<ClientOptions, "token">;

/** The connection fields that are credentials: never printed. */
export const SECRET_KEYS: readonly ConnectionKey[] = ["token", "clientSecret", "refreshToken"];

/** What the CLI uses of a client: a normalized get and a paged list. */
export interface CustomersReader {
  get(id: string, options?: { signal?: AbortSignal }): Promise<Customer>;
  list(params: Record<string, unknown> & ListOptions): PagedList<Customer>;
}

/**
 * How a list parameter of the spec reaches the client: its `customers.list` parameter (the clients take the spec's own names),
 * `paging` (set by the paginator itself, no flag), or `connection` (a client option: its flag is
 * the vendor's connection option of the same name).
 */
type ParamRole<P> = Exclude<keyof P, keyof ListOptions> | "paging" | "connection";

export interface VendorAdapter<V extends SpecVendor = SpecVendor, P = Record<string, unknown>> {
  vendor: V;
  title: string;
  /** The environment variable for each connection field the vendor takes. */
  env: Partial<Record<ConnectionKey, string>>;
  /** Which credentials are enough, as the help says it. */
  credentialsHelp: string;
  /** Every query parameter of the spec's list operation must be mapped: a new one fails the build here. */
  params: Record<ListParamName<V>, ParamRole<P>>;
  /** What `--mock` fills in when the user gives nothing (Prism accepts any credential of the right scheme). */
  mockDefaults: Connection;
  create(connection: Connection, common: CommonClientOptions): CustomersReader;
}

const define = <V extends SpecVendor, P>(adapter: VendorAdapter<V, P>) => adapter as unknown as VendorAdapter;

function required(connection: Connection, key: ConnectionKey, vendor: string, env: string | undefined): string {
  const value = connection[key];
  if (value === undefined || value === "") {
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${vendor}: missing ${flag}${env ? ` (or ${env})` : ""}`);
  }
  return value;
}

const asReader = (client: { customers: unknown }) => client.customers as CustomersReader;

const homele = define<"homele", HomeleListParams>({
  vendor: "homele",
  title: "Homele CRM",
  env: { token: "HOMELE_TOKEN", baseUrl: "HOMELE_BASE_URL" },
  credentialsHelp: "HOMELE_TOKEN (an API token)",
  params: {
    cursor: "paging",
    per_page: "pageSize",
    "filter[query]": "filter[query]",
    "filter[lead_status.id][]": "filter[lead_status.id][]",
    "filter[owner.id][]": "filter[owner.id][]",
    "filter[lead_source.id][]": "filter[lead_source.id][]",
    "filter[priority.id]": "filter[priority.id]",
    "filter[date_from]": "filter[date_from]",
    "filter[date_to]": "filter[date_to]",
  },
  mockDefaults: { token: "1|mock-token" },
  create: (c, common) =>
    asReader(createHomeleClient({ ...common, token: required(c, "token", "homele", "HOMELE_TOKEN"), baseUrl: c.baseUrl })),
});

const pexip = define<"pexip", PexipListParams>({
  vendor: "pexip",
  title: "Pexip Engage",
  env: {
    token: "PEXIP_TOKEN",
    clientId: "PEXIP_CLIENT_ID",
    clientSecret: "PEXIP_CLIENT_SECRET",
    enterprise: "PEXIP_ENTERPRISE",
    environment: "PEXIP_ENVIRONMENT",
    acceptLanguage: "PEXIP_ACCEPT_LANGUAGE",
    baseUrl: "PEXIP_BASE_URL",
  },
  credentialsHelp: "PEXIP_CLIENT_ID + PEXIP_CLIENT_SECRET (client credentials), or PEXIP_TOKEN; and PEXIP_ENTERPRISE",
  params: { offset: "paging", limit: "pageSize" },
  mockDefaults: { token: "mock-token" },
  create(c, common) {
    const { enterprise, baseUrl, acceptLanguage } = c;
    const environment = c.environment as PexipEnvironment | undefined;
    const shared = { ...common, enterprise, environment, baseUrl, acceptLanguage };
    if (c.token !== undefined) return asReader(createPexipClient({ ...shared, token: c.token }));
    const clientId = required(c, "clientId", "pexip", "PEXIP_CLIENT_ID (or --token / PEXIP_TOKEN)");
    const clientSecret = required(c, "clientSecret", "pexip", "PEXIP_CLIENT_SECRET");
    return asReader(createPexipClient({ ...shared, clientCredentials: { clientId, clientSecret } }));
  },
});

const shtara = define<"shtara", ShtaraListParams>({
  vendor: "shtara",
  title: "Shtara (the Salla merchant API)",
  env: {
    token: "SHTARA_TOKEN",
    clientId: "SHTARA_CLIENT_ID",
    clientSecret: "SHTARA_CLIENT_SECRET",
    refreshToken: "SHTARA_REFRESH_TOKEN",
    tokensFile: "SHTARA_TOKENS_FILE",
    acceptLanguage: "SHTARA_ACCEPT_LANGUAGE",
    baseUrl: "SHTARA_BASE_URL",
  },
  credentialsHelp:
    "SHTARA_TOKEN (an access token), or SHTARA_CLIENT_ID + SHTARA_CLIENT_SECRET + SHTARA_REFRESH_TOKEN with SHTARA_TOKENS_FILE (where the rotated tokens are kept)",
  params: {
    page: "paging",
    per_page: "pageSize",
    keyword: "keyword",
    date_from: "date_from",
    date_to: "date_to",
    "fields[]": "fields[]",
  },
  mockDefaults: { token: "mock-access-token" },
  create(c, common) {
    const shared = { ...common, baseUrl: c.baseUrl, acceptLanguage: c.acceptLanguage };
    if (c.token !== undefined) return asReader(createShtaraClient({ ...shared, token: c.token }));
    const clientId = required(c, "clientId", "shtara", "SHTARA_CLIENT_ID (or --token / SHTARA_TOKEN)");
    const clientSecret = required(c, "clientSecret", "shtara", "SHTARA_CLIENT_SECRET");
    // Salla spends a refresh token on first use: without a file for the new one, the user would be locked out.
    const tokensFile = required(c, "tokensFile", "shtara", "SHTARA_TOKENS_FILE, where the rotated refresh token is saved");
    const saved = loadTokens(tokensFile);
    const tokens: RefreshTokenSet = saved ?? {
      accessToken: "",
      refreshToken: required(c, "refreshToken", "shtara", "SHTARA_REFRESH_TOKEN"),
      expiresAt: 0, // no access token yet: refresh before the first call
    };
    return asReader(
      createShtaraClient({
        ...shared,
        refreshToken: { clientId, clientSecret, tokens, onRefresh: (next) => saveTokens(tokensFile, next) },
      }),
    );
  },
});

const hamgam = define<"hamgam", HamgamListParams>({
  vendor: "hamgam",
  title: "Hamgam",
  env: { token: "HAMGAM_TOKEN", baseUrl: "HAMGAM_BASE_URL" },
  credentialsHelp: "HAMGAM_TOKEN (a staff API key) and HAMGAM_BASE_URL (the tenant's root URL)",
  params: {
    limit: "pageSize",
    offset: "paging",
    search: "search",
    ordering: "ordering",
    has_email: "has_email",
    has_avatar: "has_avatar",
    has_phone: "has_phone",
    has_token: "has_token",
    has_first_name: "has_first_name",
    has_last_name: "has_last_name",
    is_active: "is_active",
    is_profile_completed: "is_profile_completed",
    is_online: "is_online",
    gender: "gender",
    groups_in: "groups_in",
    group_id: "group_id",
    last_login_date: "last_login_date",
    last_login_from: "last_login_from",
    last_login_to: "last_login_to",
    id_min: "id_min",
    id_max: "id_max",
    created_date: "created_date",
    created_from: "created_from",
    created_to: "created_to",
    updated_date: "updated_date",
    updated_from: "updated_from",
    updated_to: "updated_to",
  },
  mockDefaults: { token: "mock-api-key" },
  create: (c, common) =>
    asReader(
      createHamgamClient({
        ...common,
        token: required(c, "token", "hamgam", "HAMGAM_TOKEN"),
        baseUrl: required(c, "baseUrl", "hamgam", "HAMGAM_BASE_URL"),
      }),
    ),
});

const coax = define<"coax", CoaxListParams>({
  vendor: "coax",
  title: "Coax",
  env: { token: "COAX_API_KEY", locationId: "COAX_LOCATION_ID", baseUrl: "COAX_BASE_URL" },
  credentialsHelp: "COAX_API_KEY (and COAX_LOCATION_ID for a key that covers all locations)",
  params: { page: "paging", page_size: "pageSize", q: "q", location_id: "connection" },
  // The spec's example location: the mock's list operation requires one.
  mockDefaults: { token: "mock-api-key", locationId: "9b2d7e44-1c3a-4f5e-8d6b-7a9c0e1f2a33" },
  create: (c, common) =>
    asReader(
      createCoaxClient({
        ...common,
        token: required(c, "token", "coax", "COAX_API_KEY"),
        baseUrl: c.baseUrl,
        locationId: c.locationId,
      }),
    ),
});

export const VENDORS: Record<SpecVendor, VendorAdapter> = { homele, pexip, shtara, hamgam, coax };

export function vendorAdapter(name: string): VendorAdapter {
  if (!Object.hasOwn(VENDORS, name)) {
    throw new UsageError(`unknown vendor "${name}": choose one of ${Object.keys(VENDORS).join(", ")}`);
  }
  return VENDORS[name as SpecVendor];
}
