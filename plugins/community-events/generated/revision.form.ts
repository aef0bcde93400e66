/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/revision.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RevisionData {
  revisionNote: string;
  theme?: string;
  activities?: string;
  place?: 'square' | 'clubhouse' | 'courts' | 'gym' | 'library';
  placeDetail?: string;
  startsAt?: string;
  endsAt?: string;
  capacity?: number;
  programme?: string;
  /**
   * @maxItems 5
   */
  departments?:
    | []
    | ['engineering' | 'security' | 'environment' | 'clubhouse' | 'finance']
    | [
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance'
      ]
    | [
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance'
      ]
    | [
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance'
      ]
    | [
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance',
        'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance'
      ];
  /**
   * @minItems 1
   * @maxItems 30
   */
  budgetLines?: [
    {
      item: string;
      amount: string;
    },
    ...{
      item: string;
      amount: string;
    }[]
  ];
  budgetTotal?: string;
  prizes?: string;
}
