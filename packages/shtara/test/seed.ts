/** The seed's Customer Details record (docs.salla.dev), verbatim, and what it should normalize to. */
export const seedRecord = () => ({
  id: 2075683582,
  first_name: "Ahmed",
  last_name: "Ali",
  mobile: 777777777,
  mobile_code: "967",
  email: "[email protected]",
  urls: { customer: "https://shtara.com/profile", admin: "https://shtara.com/profiley" },
  avatar: "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
  gender: "male",
  city: "Riyadh",
  country: "السعودية",
  country_code: "sa",
  location: "null",
  updated_at: { date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Asia/Riyadh" },
  groups: [11323141, 11323142],
});

/** The values a person expects from the seed's record (everything but `raw`). */
export const SEED_CUSTOMER = {
  vendor: "shtara",
  id: "2075683582",
  name: "Ahmed Ali",
  firstName: "Ahmed",
  lastName: "Ali",
  email: null, // the docs site obfuscated it to "[email protected]", which is no address
  phone: "+967777777777",
  company: null,
  address: {
    formatted: "Riyadh, السعودية",
    street: null, // location "null"
    city: "Riyadh",
    state: null,
    postalCode: null,
    country: "السعودية",
    countryCode: "SA",
  },
  createdAt: null,
  updatedAt: "2020-04-02T19:43:26.000Z", // 22:43:26 in Asia/Riyadh (UTC+3)
};
