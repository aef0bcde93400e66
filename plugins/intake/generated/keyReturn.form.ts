/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/keyReturn.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface KeyReturnData {
  /**
   * @minItems 0
   * @maxItems 30
   */
  returnedItems: {
    item:
      | 'unitKey'
      | 'accessCard'
      | 'electricityCard'
      | 'waterCard'
      | 'gasCard'
      | 'mailboxKey'
      | 'parkingCard'
      | 'handbook';
    count: number;
    note?: string;
  }[];
  returnedAt: string;
}
