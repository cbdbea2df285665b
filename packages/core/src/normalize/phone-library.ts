// The one function of libphonenumber-js we use, named so that bundlers drop the rest of it
// (a dynamic import of the package itself would keep all of it).
export { parsePhoneNumberFromString } from "libphonenumber-js/min";
