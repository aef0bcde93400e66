/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/surveyPlan.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SurveyPlanData {
  year: number;
  surveyTitle: string;
  /**
   * @maxItems 200
   */
  buildingCodes?: string[];
  distributeOn: string;
  collectBy: string;
  planNote?: string;
  /**
   * @maxItems 1000
   */
  questions?: {
    code?: string;
    text?: string;
    scale?: string;
  }[];
  distributedCount?: number;
  returnedCount?: number;
  responseRate?: number;
  satisfiedRate?: number;
  targetRate?: number;
  targetMet?: boolean;
  analysisSummary?: string;
  /**
   * @maxItems 1000
   */
  questionStats?: {
    code?: string;
    text?: string;
    scale?: string;
    answered?: number;
    average?: number;
    satisfiedRate?: number;
  }[];
  /**
   * @maxItems 1000
   */
  buildingStats?: {
    buildingId?: number;
    building?: string;
    distributed?: number;
    returned?: number;
    responseRate?: number;
    satisfiedRate?: number;
  }[];
  /**
   * @maxItems 1000
   */
  questionBuildingStats?: {
    question?: string;
    building?: string;
    answered?: number;
    average?: number;
  }[];
  actionsSummary?: string;
  distributedAt?: string;
  analysedAt?: string;
  actionsAssignedAt?: string;
}
