/**
 * Types for the `role-based-email-addresses` package (Mixmax, MIT), which ships none: its main
 * module is a CommonJS array of lowercase local parts such as "info", "frontdesk", "no-reply".
 */
declare module 'role-based-email-addresses' {
  const roleBasedLocalParts: readonly string[];
  export default roleBasedLocalParts;
}
