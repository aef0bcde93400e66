/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/hiddenWorksInspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HiddenWorksInspectionData {
  /**
   * @minItems 1
   * @maxItems 5
   */
  hiddenWorksItems:
    | ['electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other']
    | [
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other'
      ]
    | [
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other'
      ]
    | [
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other'
      ]
    | [
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other',
        'electrical' | 'plumbing' | 'waterproofing' | 'ceiling' | 'other'
      ];
  hiddenWorksResult: 'pass' | 'fail';
  hiddenWorksFindings?: string;
  hwServiceSignature?: string;
  hwEngineeringSignature?: string;
  hwSecuritySignature?: string;
}
