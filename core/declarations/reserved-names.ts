/**
 * Names kept for companies' own case types (core/config/company-case-types.ts), so a plugin
 * installed later can never collide with a type a company has already built.
 */

/** A company's case type: x and a capital (xKeyLoan). Plugins may not declare such case types. */
export const COMPANY_CASE_TYPE = /^x[A-Z][a-zA-Z0-9]{0,47}$/;
/** Bundle ids of company types start with this; plugin folders may not. */
export const COMPANY_BUNDLE_PREFIX = 'x-';

/** keyLoan → key-loan: a camelCase case type as a plugin id (lower case words joined by hyphens). */
export function kebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase());
}

/** xKeyLoan → keyLoan: the case type a company's own type keeps when it leaves the company's namespace (plugin:from-config). */
export function pluginCaseType(companyCaseType: string): string {
  return companyCaseType.charAt(1).toLowerCase() + companyCaseType.slice(2);
}

/** keyLoan → key-loan: the plugin folder a case type is written out to. */
export function pluginIdFor(caseType: string): string {
  return kebabCase(caseType);
}

/** xKeyLoan → x-key-loan: the bundle a company's own type stands as in its effective configuration. */
export function companyBundleId(companyCaseType: string): string {
  return COMPANY_BUNDLE_PREFIX + pluginIdFor(pluginCaseType(companyCaseType));
}

/** x-key-loan → xKeyLoan: the inverse of companyBundleId (for screens that hold only the bundle id). */
export function companyCaseTypeOf(bundleId: string): string {
  return 'x' + bundleId.slice(COMPANY_BUNDLE_PREFIX.length).split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function isCompanyBundle(bundleId: string): boolean {
  return bundleId.startsWith(COMPANY_BUNDLE_PREFIX);
}
