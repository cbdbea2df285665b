import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../errors.js";
import { buildAddress } from "./address.js";
import { toCountryCode } from "./country.js";
import { toUtcIso } from "./date.js";
import { toE164 } from "./phone.js";
import { requireRecord } from "./record.js";
import { cleanEmail, cleanText, joinName, splitName } from "./text.js";

describe("toE164", () => {
  it("builds E.164 from a national number plus a calling code, with or without +", async () => {
    expect(await toE164(777777777, { callingCode: "967" })).toBe("+967777777777");
    expect(await toE164("0501234567", { callingCode: "+966" })).toBe("+966501234567");
  });
  it("builds E.164 from a national number plus a country", async () => {
    expect(await toE164("09121234567", { country: "IR" })).toBe("+989121234567");
    expect(await toE164("0412 345 678", { country: "au" })).toBe("+61412345678");
  });
  it("reads Persian and Arabic-Indic digits", async () => {
    expect(await toE164("۰۹۱۲۱۲۳۴۵۶۷", { country: "IR" })).toBe("+989121234567");
    expect(await toE164("٠٥٠١٢٣٤٥٦٧", { callingCode: "966" })).toBe("+966501234567");
  });
  it("keeps international numbers and rejects what cannot be a number", async () => {
    expect(await toE164("+32 412 34 56 78")).toBe("+32412345678");
    expect(await toE164("00989121234567")).toBe("+989121234567");
    for (const bad of ["null", "", "abc", "12", null, undefined, {}, "0912"]) expect(await toE164(bad)).toBeNull();
  });
});

describe("toUtcIso", () => {
  it("converts a local time in the vendor's zone to UTC", async () => {
    expect(await toUtcIso("2020-04-02 22:43:26.000000", "Asia/Riyadh")).toBe("2020-04-02T19:43:26.000Z");
    expect(await toUtcIso("2024-07-01 12:00:00", "Europe/Brussels")).toBe("2024-07-01T10:00:00.000Z");
  });
  it("normalizes offsets and reads zone-less times as UTC", async () => {
    expect(await toUtcIso("2025-11-20T14:30:00+03:30")).toBe("2025-11-20T11:00:00.000Z");
    expect(await toUtcIso("2022-08-17T19:05:21.362Z")).toBe("2022-08-17T19:05:21.362Z");
    expect(await toUtcIso("2026-06-15")).toBe("2026-06-15T00:00:00.000Z");
  });
  it("returns null for what is not a time, and for an unknown zone", async () => {
    for (const bad of ["", "null", "yesterday", "2020-13-45T99:00:00Z", null, {}, Number.NaN])
      expect(await toUtcIso(bad)).toBeNull();
    expect(await toUtcIso("2020-04-02 22:43:26", "Mars/Olympus")).toBeNull();
  });
});

describe("text helpers", () => {
  it("turns empty, whitespace and the string null into null", () => {
    expect([cleanText(" a "), cleanText(""), cleanText("null"), cleanText("NULL"), cleanText(undefined), cleanText(42)]).toEqual([
      "a",
      null,
      null,
      null,
      null,
      "42",
    ]);
  });
  it("splits and joins names", () => {
    expect(splitName("Ahmed bin Ali")).toEqual({ firstName: "Ahmed", lastName: "bin Ali" });
    expect(splitName("Cher")).toEqual({ firstName: "Cher", lastName: null });
    expect(joinName("John", null)).toBe("John");
    expect(joinName("null", "")).toBeNull();
  });
  it("keeps only what looks like an email", () => {
    expect(cleanEmail("John@Pexip.com")).toBe("john@pexip.com");
    expect(cleanEmail("[email protected]")).toBeNull();
  });
});

describe("buildAddress", () => {
  it("joins the parts into formatted when the vendor has no formatted line", async () => {
    expect(await buildAddress({ street: "Main 1", city: "Gent", postalCode: "9000", countryCode: "be" })).toEqual({
      formatted: "Main 1, 9000, Gent",
      street: "Main 1",
      city: "Gent",
      state: null,
      postalCode: "9000",
      country: null,
      countryCode: "BE",
    });
  });
  it("is null when nothing is known, and drops a country code that names no country", async () => {
    expect(await buildAddress({ formatted: "null", city: "" })).toBeNull();
    expect((await buildAddress({ city: "Riyadh", countryCode: "null" }))?.countryCode).toBeNull();
    expect((await buildAddress({ city: "Riyadh", countryCode: "XX" }))?.countryCode).toBeNull();
  });
  it("takes the country code from the country name when there is no code", async () => {
    expect((await buildAddress({ city: "Erbil", country: "Iraq" }))?.countryCode).toBe("IQ");
    expect((await buildAddress({ city: "Riyadh", country: "السعودية" }))?.countryCode).toBe("SA");
    expect((await buildAddress({ city: "تهران", country: "ایران" }))?.countryCode).toBe("IR");
    // The code field wins over the name.
    expect((await buildAddress({ country: "السعودية", countryCode: "ye" }))?.countryCode).toBe("YE");
  });
});

describe("requireRecord", () => {
  it("refuses records without a usable id with InvalidResponseError", () => {
    for (const bad of [null, "x", [], {}, { id: "" }, { id: {} }, { id: Number.NaN }]) {
      expect(() => requireRecord("t", bad)).toThrow(InvalidResponseError);
    }
    expect(requireRecord("t", { id: 7 }).id).toBe("7");
  });
});

describe("toCountryCode", () => {
  it("reads alpha-2 and alpha-3 codes in any case, and refuses codes that name no country", async () => {
    expect(await toCountryCode("sa")).toBe("SA");
    expect(await toCountryCode(" BE ")).toBe("BE");
    expect(await toCountryCode("irq")).toBe("IQ");
    for (const bad of ["XX", "zz", "QQQ", "", "null", null, 7, {}]) expect(await toCountryCode(bad)).toBeNull();
  });
  it("reads English, Arabic and Persian names", async () => {
    expect(await toCountryCode("Iraq")).toBe("IQ");
    expect(await toCountryCode("saudi arabia")).toBe("SA");
    expect(await toCountryCode("Iran")).toBe("IR");
    expect(await toCountryCode("السعودية")).toBe("SA");
    expect(await toCountryCode("العراق")).toBe("IQ");
    expect(await toCountryCode("ایران")).toBe("IR");
    expect(await toCountryCode("عراق")).toBe("IQ");
    expect(await toCountryCode("إيران")).toBe("IR");
  });
  it("reads Salla's 'Arabic | English' pairs, and returns null for what names no country", async () => {
    expect(await toCountryCode("السعودية | Saudi Arabia")).toBe("SA");
    expect(await toCountryCode("Atlantis")).toBeNull();
    expect(await toCountryCode("مدينة")).toBeNull();
  });
  it("gives up on a field longer than any country's name instead of comparing it with every name", async () => {
    // 100,000 characters once took 10 s here; the answer is null whatever the text says.
    expect(await toCountryCode(`Saudi Arabia ${"ٰ9".repeat(50_000)}`)).toBeNull();
    expect(await toCountryCode(`${"x | ".repeat(60)}Iraq`)).toBeNull();
    expect(await toCountryCode("South Georgia and the South Sandwich Islands")).toBe("GS");
  });
});
