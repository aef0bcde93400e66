/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/platformRecord.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PlatformRecordData {
  missedOn?: string;
  missedDepartment?: string;
  overrunSince?: string;
  unitType?: string;
  unitStatusBefore?: string;
  depositAmount?: string;
  managementFee?: string;
  debrisFee?: string;
  passFee?: string;
  feesTotal?: string;
  drawingRounds?: number;
  permitSignOffs?: {
    service?: {
      opinion?: string;
      staffId?: number;
      signedAt?: string;
    };
    engineering?: {
      opinion?: string;
      staffId?: number;
      signedAt?: string;
    };
    security?: {
      opinion?: string;
      staffId?: number;
      signedAt?: string;
    };
  };
  permitServiceSignature?: string;
  permitEngineeringSignature?: string;
  permitSecuritySignature?: string;
  permitNo?: string;
  permitIssuedAt?: string;
  worksStartedOn?: string;
  worksDueOn?: string;
  patrolsFrom?: string;
  hotWorkPermitNo?: string;
  hotWorkApprovedAt?: string;
  /**
   * @maxItems 1000
   */
  hotWorkPermits?: {
    permitNo?: string;
    type?: string;
    location?: string;
    from?: string;
    to?: string;
    operator?: string;
    fireWatcher?: string;
    extinguishers?: number;
    approvedBy?: number;
    approvedAt?: string;
  }[];
  /**
   * @maxItems 1000
   */
  patrols?: {
    date?: string;
    at?: string;
    department?: string;
    result?: string;
    findings?: string;
    photo?: string;
    staffId?: number;
  }[];
  /**
   * @maxItems 1000
   */
  missedPatrols?: {
    date?: string;
    department?: string;
    recordedAt?: string;
  }[];
  /**
   * @maxItems 1000
   */
  violations?: {
    code?: string;
    title?: string;
    titleEn?: string;
    amount?: string;
    observedAt?: string;
    localDate?: string;
    localTime?: string;
    dayKind?: string;
    description?: string;
    action?: string;
    photo?: string;
    staffId?: number;
    recordedAt?: string;
  }[];
  penaltyAmount?: string;
  penaltyTitle?: string;
  penaltyReason?: string;
  topUpRequired?: string;
  topUpDueAt?: string;
  /**
   * @maxItems 1000
   */
  topUps?: {
    amount?: string;
    method?: string;
    staffId?: number;
    at?: string;
  }[];
  stopped?: boolean;
  /**
   * @maxItems 1000
   */
  stops?: {
    reason?: string;
    note?: string;
    staffId?: number;
    at?: string;
    resumedAt?: string;
  }[];
  /**
   * @maxItems 1000
   */
  extensions?: {
    days?: number;
    reason?: string;
    from?: string;
    to?: string;
    staffId?: number;
    at?: string;
  }[];
  overrunRecordedFor?: string;
  /**
   * @maxItems 1000
   */
  hiddenWorksInspections?: {
    round?: number;
    at?: string;
    /**
     * @maxItems 10
     */
    items?:
      | []
      | [string]
      | [string, string]
      | [string, string, string]
      | [string, string, string, string]
      | [string, string, string, string, string]
      | [string, string, string, string, string, string]
      | [string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string];
    result?: string;
    findings?: string;
    staffId?: number;
  }[];
  hiddenWorksPassed?: boolean;
  /**
   * @maxItems 1000
   */
  completionInspections?: {
    round?: number;
    at?: string;
    result?: string;
    findings?: string;
    damageAmount?: string;
    staffId?: number;
  }[];
  completedOn?: string;
  refundApprovedAt?: string;
  refundApprovedBy?: number;
  insuranceFee?: string;
  extinguisherRentalFee?: string;
  /**
   * @maxItems 60
   */
  pledgeRules?: {
    text?: string;
  }[];
  pledgeSignedAt?: string;
  utilityCutNo?: string;
  /**
   * @maxItems 200
   */
  utilityCuts?: {
    no?: string;
    utility?: 'water' | 'power' | 'both';
    from?: string;
    to?: string;
    area?: string;
    reason?: string;
    requestedBy?: string;
    requestedAt?: string;
    status?: 'requested' | 'approved' | 'rejected';
    decisionNote?: string;
    decidedAt?: string;
    staffId?: number;
    decidedBy?: number;
  }[];
}
