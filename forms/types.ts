/**
 * Shapes the form runtime works with. Declarations are typed by the generated types of their
 * meta-schemas (schemas/generated), so the runtime reads exactly what the loader validated.
 * Type-only imports: nothing here reaches the browser bundle.
 */
import type { Field, FormDeclaration, Text } from '../schemas/generated/form.js';
import type { UiDeclaration } from '../schemas/generated/ui.js';

export type { FormDeclaration, UiDeclaration };

/** One field of a form declaration (a property schema, possibly nested). */
export type FieldSchema = Field;

/** Text in several languages: zh-CN always, en optional (falls back to zh-CN). */
export type LocalText = Text;

export type Language = 'zh-CN' | 'en';

/** What a ui declaration may say about one field (`ui.fields["path"]`). */
export type UiFieldOptions = NonNullable<UiDeclaration['fields']>[string];

/**
 * Extra rule context the host supplies, merged the way the server merges it: rules see
 * `{ data: { ...context.data, ...form }, case, actor, config }`.
 */
export interface FormContext {
  /** the case's existing data (a transition's form is merged over it) */
  data?: Record<string, unknown>;
  case?: Record<string, unknown>;
  /** who fills the form in (`{ staffId, roles, name }`); `name` feeds the `actor.name` prefill */
  actor?: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** the room picked for the case (`{ label, area }`): feeds `unit.*` prefills; rules do not see it */
  unit?: Record<string, unknown> | null;
  /** the resident picked (`{ name, phone }`): feeds `person.*` prefills; rules do not see it */
  person?: Record<string, unknown> | null;
}

/** An issue as the server reports it: `pointer` is relative to the REQUEST BODY (`/data/contactPhone`). */
export interface ServerIssue {
  pointer: string;
  code: string;
  message: string;
}

export interface PickerOption {
  id: number;
  label: string;
}

export interface UploadedAttachment {
  /** the attachment id stored in the form data (format `attachment`: `att_…`) */
  id: string;
  name: string;
  size: number;
  type: string;
}

/** What the host application injects so widgets can reach the server without knowing its routes. */
export interface FormServices {
  searchUnits(q: string): Promise<PickerOption[]>;
  searchPeople(q: string): Promise<PickerOption[]>;
  uploadAttachment(file: File): Promise<UploadedAttachment>;
}
