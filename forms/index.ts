/**
 * Wuye's form runtime: `<wy-form>` renders a form declaration (JSON Schema + ui declaration) with
 * ranked, replaceable widgets, the server's rules and the server's validation. No plugin code.
 *
 * Browser entry: importing it defines <wy-form> and the built-in widgets. The DOM-free logic is in
 * ./form-model.js for node tests and tools.
 */
export { WyForm, type FormValueDetail } from './wy-form.js';
export {
  FormModel,
  formModel,
  formValidator,
  enumLabel,
  ruleContext,
  type CheckResult,
  type FieldRef,
  type FormIssue,
  type LocalizedIssues,
  type RuleState,
  type SectionRef,
} from './form-model.js';
export {
  registerWidget,
  unregisterWidget,
  registerDefaultWidgets,
  resolveWidget,
  listWidgets,
  getWidget,
  NOT_APPLICABLE,
  NAMED_WIDGET_BOOST,
  type WidgetRegistration,
  type WidgetTester,
} from './widget-registry.js';
export { renderField, FIELD_CHANGE, FIELD_BLUR, type FieldHost, type FieldView, type FieldChangeDetail, type FieldBlurDetail } from './render-field.js';
export { msg, localText } from './messages.js';
export { DEFAULT_TIME_ZONE } from './values.js';
export * from './widgets/index.js';
export type {
  FieldSchema,
  FormContext,
  FormDeclaration,
  FormServices,
  Language,
  LocalText,
  PickerOption,
  ServerIssue,
  UiDeclaration,
  UiFieldOptions,
  UploadedAttachment,
} from './types.js';
