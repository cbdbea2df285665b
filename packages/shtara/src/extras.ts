import { type ApiClient, type CallOptions, callOptions, InvalidRequestError } from "@customer-api/core/vendor-kit";
import type { components, paths } from "./generated/schema.js";

/** `PUT /customers/blacklist/{customer}`'s body: why the customer is banned (free text, kept by the store; Salla requires it). */
export type ShtaraBanInput = components["schemas"]["BanRequest"];

/** Core's per-call options, plus the name of the uploaded file for a customer import. */
export interface ShtaraImportOptions extends CallOptions {
  /** The file name sent with the upload; default the `File`'s own name, else `customers.xlsx`. */
  filename?: string;
}

/** What the vendor says about an accepted import: it runs later, so a message is all there is. */
export interface ShtaraImportResult {
  /** The vendor's message, in the `Accept-Language` language (e.g. "the file is being processed"). */
  message: string | null;
}

/**
 * What only Salla has: ban, unban and a spreadsheet import. Their answers carry a fixed sentence and
 * no record (Ban even says 201 in an HTTP 200), so success is the 2xx; raw access keeps the body.
 */
export const shtaraExtras = (api: ApiClient<paths>) => {
  const path = (id: number | string) => ({ path: { customer: id as number } });
  return {
    /** `PUT /customers/blacklist/{customer}` (banCustomer): the customer can no longer order. */
    async ban(id: number | string, input: ShtaraBanInput, options: CallOptions = {}): Promise<void> {
      // Salla answers 422 to a ban without a reason: refuse it here, before a request is spent.
      if (typeof input?.reason !== "string" || input.reason.trim() === "") {
        throw new InvalidRequestError({ vendor: "shtara", message: "customers.ban needs a reason: ban(id, { reason })" });
      }
      api.unwrap(
        await api.client.PUT("/customers/blacklist/{customer}", { params: path(id), body: input, ...callOptions(options) }),
      );
    },
    /** `DELETE /customers/blacklist/{customer}` (unbanCustomer). */
    async unban(id: number | string, options: CallOptions = {}): Promise<void> {
      api.unwrap(await api.client.DELETE("/customers/blacklist/{customer}", { params: path(id), ...callOptions(options) }));
    },
    /** `POST /customers/import` (importCustomers): uploads a spreadsheet; the store imports it later. */
    async import(file: Blob, options: ShtaraImportOptions = {}): Promise<ShtaraImportResult> {
      if (typeof Blob === "undefined" || !(file instanceof Blob)) {
        throw new InvalidRequestError({ vendor: "shtara", message: "customers.import expects a Blob or File" });
      }
      const form = new FormData();
      form.append("file", file, options.filename ?? ((file as Partial<File>).name || "customers.xlsx"));
      // openapi-typescript types a binary field as string; openapi-fetch sends a FormData body as it is.
      const body = form as unknown as components["schemas"]["ImportCustomersRequest"];
      const result = api.unwrap(await api.client.POST("/customers/import", { body, ...callOptions(options) }));
      // The text helper loads with the normalizers, off the start-up path.
      const { cleanText } = await import("@customer-api/core/vendor-kit/normalize");
      return { message: cleanText(result?.data?.message) };
    },
  };
};
