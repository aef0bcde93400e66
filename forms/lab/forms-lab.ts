/**
 * The forms lab: a page that mounts one <wy-form> for previews and browser tests, with in-memory
 * services (no server needed). A test sets `window.__lab = { schema, ui, value, language, ... }`
 * and calls `window.__mountLab()`; the last submitted value is in `window.__submitted`, uploads in
 * `window.__uploads`. Opened by hand (no __lab), it shows the all-kinds demo form.
 */
import '../index.js';
import type { WyForm } from '../wy-form.js';
import type { FormContext, FormDeclaration, FormServices, Language, PickerOption, ServerIssue, UiDeclaration, UploadedAttachment } from '../types.js';
import demoForm from '../../test/fixtures/forms/all-kinds.form.json' with { type: 'json' };
import demoUi from '../../test/fixtures/forms/all-kinds.ui.json' with { type: 'json' };

export interface LabSetup {
  schema: FormDeclaration;
  ui?: UiDeclaration;
  value?: Record<string, unknown>;
  language?: Language;
  context?: FormContext;
  errors?: ServerIssue[];
  submitLabel?: string;
  disabled?: boolean;
  timeZone?: string;
}

declare global {
  interface Window {
    __lab?: LabSetup;
    __mountLab(): Promise<WyForm>;
    __submitted?: Record<string, unknown>;
    __changes: Record<string, unknown>[];
    __uploads: UploadedAttachment[];
    __form?: WyForm;
  }
}

const UNITS: PickerOption[] = [
  { id: 101, label: '翠湖花园 1栋 1单元 101' },
  { id: 102, label: '翠湖花园 1栋 1单元 102' },
  { id: 201, label: '翠湖花园 2栋 2单元 201' },
  { id: 301, label: '金融大厦 A座 1203' },
];
const PEOPLE: PickerOption[] = [
  { id: 1, label: '张伟（13800138000）' },
  { id: 2, label: '李娜（13900139000）' },
  { id: 3, label: '王芳（13700137000）' },
];

const match = (list: PickerOption[], q: string) => list.filter((o) => o.label.toLowerCase().includes(q.toLowerCase()));
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let uploadNo = 0;
const services: FormServices = {
  async searchUnits(q) {
    await delay(30);
    return match(UNITS, q);
  },
  async searchPeople(q) {
    await delay(30);
    return match(PEOPLE, q);
  },
  async uploadAttachment(file) {
    await delay(50);
    uploadNo += 1;
    const uploaded = { id: `att_lab${String(uploadNo).padStart(6, '0')}`, name: file.name, size: file.size, type: file.type };
    window.__uploads.push(uploaded);
    return uploaded;
  },
};

window.__changes = [];
window.__uploads = [];

window.__mountLab = async () => {
  const setup: LabSetup = window.__lab ?? { schema: demoForm as unknown as FormDeclaration, ui: demoUi as unknown as UiDeclaration };
  const app = document.getElementById('app')!;
  app.replaceChildren();
  window.__submitted = undefined;
  window.__changes = [];
  const form = document.createElement('wy-form');
  form.schema = setup.schema;
  form.ui = setup.ui;
  form.value = setup.value;
  form.language = setup.language ?? 'zh-CN';
  form.context = setup.context;
  form.errors = setup.errors;
  form.services = services;
  form.submitLabel = setup.submitLabel ?? (setup.language === 'en' ? 'Submit' : '提交');
  form.disabled = setup.disabled ?? false;
  if (setup.timeZone) form.timeZone = setup.timeZone;
  form.addEventListener('wy-change', (e) => window.__changes.push(e.detail.value));
  form.addEventListener('wy-submit', (e) => {
    window.__submitted = e.detail.value;
    // long data URLs (signatures) are shortened for the eye; window.__submitted keeps them whole
    const shown = JSON.stringify(e.detail.value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 && v.startsWith('data:') ? `${v.slice(0, 40)}…(${v.length} chars)` : v), 2);
    document.getElementById('submitted')!.textContent = shown;
  });
  document.documentElement.lang = form.language;
  document.getElementById('title')!.textContent = String((setup.schema['x-label'] as { 'zh-CN': string; en?: string } | undefined)?.[form.language === 'en' ? 'en' : 'zh-CN'] ?? '表单实验页');
  app.append(form);
  window.__form = form;
  await form.updateComplete;
  return form;
};

if (!new URLSearchParams(location.search).has('manual')) void window.__mountLab();
