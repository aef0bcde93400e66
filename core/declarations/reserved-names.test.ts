/** The one naming of companies' own case types (reserved-names.ts), as the server, the CLI and the browser use it. */
import { describe, expect, it } from 'vitest';
import { COMPANY_CASE_TYPE, companyBundleId, companyCaseTypeOf, isCompanyBundle, pluginCaseType, pluginIdFor } from './reserved-names.js';

describe('company case type names', () => {
  it('xKeyLoan is bundle x-key-loan in the configuration and plugin key-loan with case type keyLoan when written out', () => {
    expect(companyBundleId('xKeyLoan')).toBe('x-key-loan');
    expect(pluginCaseType('xKeyLoan')).toBe('keyLoan');
    expect(pluginIdFor('keyLoan')).toBe('key-loan');
    expect(isCompanyBundle('x-key-loan')).toBe(true);
    expect(isCompanyBundle('renovation')).toBe(false);
  });

  it('the bundle id leads back to the case type', () => {
    for (const type of ['xKeyLoan', 'xVisit', 'xPublicAreaInspection', 'xClub2Booking']) {
      expect(COMPANY_CASE_TYPE.test(type)).toBe(true);
      expect(companyCaseTypeOf(companyBundleId(type))).toBe(type);
    }
  });
});
