/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/keyHandover.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface KeyHandoverData {
  /**
   * @minItems 1
   * @maxItems 30
   */
  keyRegister: [
    {
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
    },
    ...{
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
    }[]
  ];
  handedOverAt: string;
  keysSignature: string;
}
