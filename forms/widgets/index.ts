/** The built-in widget elements (importing this module defines them). */
export { WyWidget, CONTROL_ID, defineWidget } from './widget-base.js';
export { WyTextWidget } from './wy-text-widget.js';
export { WyNumberWidget } from './wy-number-widget.js';
export { WyBooleanWidget } from './wy-boolean-widget.js';
export { WySelectWidget } from './wy-select-widget.js';
export { WyRadioWidget } from './wy-radio-widget.js';
export { WyCheckboxGroupWidget } from './wy-checkbox-group-widget.js';
export { WyDateWidget } from './wy-date-widget.js';
export { WyMoneyWidget } from './wy-money-widget.js';
export { WyObjectWidget } from './wy-object-widget.js';
export { WyArrayWidget } from './wy-array-widget.js';
export { WyAttachmentWidget, rememberAttachments } from './wy-attachment-widget.js';
export { WySignatureWidget } from './wy-signature-widget.js';
export { WyRefPickerWidget, rememberRefLabel } from './wy-ref-picker-widget.js';
