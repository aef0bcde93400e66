/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/participant.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ParticipantData {
  eventId?: number;
  eventSerial: string;
  eventTheme: string;
  eventDate?: string;
  residentName: string;
  contactPhone?: string;
  attendedCount: number;
}
