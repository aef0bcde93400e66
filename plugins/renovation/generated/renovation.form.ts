/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/renovation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RenovationData {
  applicantName: string;
  applicantPhone: string;
  applicantRelation: 'owner' | 'tenant' | 'agent';
  premisesUse: 'residential' | 'commercial';
  area: number;
  contractorName: string;
  contractorManager: string;
  contractorPhone: string;
  contractorQualification?: string;
  worksScope: string;
  plannedStartOn: string;
  plannedEndOn: string;
  hotWork: boolean;
  hotWorkDescription?: string;
  /**
   * @minItems 1
   * @maxItems 50
   */
  workers: [
    {
      name: string;
      idNumber: string;
      trade: 'carpenter' | 'electrician' | 'plumber' | 'mason' | 'painter' | 'welder' | 'labourer' | 'other';
    },
    ...{
      name: string;
      idNumber: string;
      trade: 'carpenter' | 'electrician' | 'plumber' | 'mason' | 'painter' | 'welder' | 'labourer' | 'other';
    }[]
  ];
  applicantIdCopy: string;
  ownershipProof?: string;
  contractorLicence: string;
  workerIdCopies?: string;
  floorPlan: string;
  electricalPlan: string;
  plumbingPlan?: string;
  materialList?: string;
}
