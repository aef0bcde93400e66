/**
 * Names kept for companies' own case types (core/config/company-case-types.ts), so a plugin
 * installed later can never collide with a type a company has already built.
 */

/** A company's case type: x and a capital (xKeyLoan). Plugins may not declare such case types. */
export const COMPANY_CASE_TYPE = /^x[A-Z][a-zA-Z0-9]{0,47}$/;
/** Bundle ids of company types start with this; plugin folders may not. */
export const COMPANY_BUNDLE_PREFIX = 'x-';
