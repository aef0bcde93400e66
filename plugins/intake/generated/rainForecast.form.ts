/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/rainForecast.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RainForecastData {
  forecastAt: string;
  forecastNote?: string;
}
