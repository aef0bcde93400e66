/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/duty-desk/dutyEntry.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DutyEntryData {
  entryTime: string;
  entryKind: 'call' | 'visit' | 'event' | 'incident';
  entryContent: string;
  entryAction?: string;
  entryCaseSerial?: string;
  /**
   * @maxItems 1000
   */
  entries?: {
    time?: string;
    kind?: string;
    content?: string;
    action?: string;
    caseSerial?: string;
    recordedBy?: string;
    recordedAt?: string;
  }[];
}
