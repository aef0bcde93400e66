/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/eventPlan.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EventPlanData {
  theme: string;
  activities: string;
  place: 'square' | 'clubhouse' | 'courts' | 'gym' | 'library';
  placeDetail?: string;
  startsAt: string;
  endsAt: string;
  participants?: string;
  capacity: number;
  programme: string;
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
  budgetLines: [
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
  organiser: string;
  /**
   * @maxItems 1000
   */
  signups?: {
    no?: number;
    unitId?: number;
    name?: string;
    unit?: string;
    phone?: string;
    partySize?: number;
    status?: 'confirmed' | 'waitlisted' | 'cancelled';
    signedUpAt?: string;
    promotedAt?: string;
    checkedInAt?: string;
    attendedCount?: number;
    cancelledAt?: string;
    cancelReason?: string;
    /**
     * @maxItems 100
     */
    promoted?: number[];
    followUpSerial?: string;
  }[];
  /**
   * @maxItems 1000
   */
  waitlist?: {
    no?: number;
    unitId?: number;
    name?: string;
    unit?: string;
    phone?: string;
    partySize?: number;
    status?: 'confirmed' | 'waitlisted' | 'cancelled';
    signedUpAt?: string;
    promotedAt?: string;
    checkedInAt?: string;
    attendedCount?: number;
    cancelledAt?: string;
    cancelReason?: string;
    /**
     * @maxItems 100
     */
    promoted?: number[];
    followUpSerial?: string;
  }[];
  /**
   * @maxItems 1000
   */
  cancellations?: {
    no?: number;
    unitId?: number;
    name?: string;
    unit?: string;
    phone?: string;
    partySize?: number;
    status?: 'confirmed' | 'waitlisted' | 'cancelled';
    signedUpAt?: string;
    promotedAt?: string;
    checkedInAt?: string;
    attendedCount?: number;
    cancelledAt?: string;
    cancelReason?: string;
    /**
     * @maxItems 100
     */
    promoted?: number[];
    followUpSerial?: string;
  }[];
  confirmedPeople?: number;
  waitingPeople?: number;
  lastPromotion?: string;
  attendedHouseholds?: number;
  attendedPeople?: number;
  followUpCount?: number;
  publishedAt?: string;
  nextSignUpNo?: number;
  signUpResult?: string;
}
