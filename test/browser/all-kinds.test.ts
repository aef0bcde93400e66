/**
 * The form runtime in Chromium, on the forms lab page (/forms-lab.html, in-memory services): a
 * fixture form with every field kind renders each one with its widget; errors show under their
 * field (after leaving an edited field, and everywhere on submit, with the focus on the first);
 * fixing everything and submitting yields exactly the value the server accepts; a signature is
 * drawn; an attachment over its size limit is refused before uploading; English; server issues;
 * a hidden section's fields are left out. Screenshots: test-results/screenshots/forms-*.png
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(root, 'test/fixtures/forms', name), 'utf8')) as Record<string, unknown>;
const schema = fixture('all-kinds.form.json');
const ui = fixture('all-kinds.ui.json');

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'] });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

interface LabSetup {
  value?: Record<string, unknown>;
  language?: 'zh-CN' | 'en';
  errors?: { pointer: string; code: string; message: string }[];
}

async function openLab(setup: LabSetup = {}, language: 'zh-CN' | 'en' = setup.language ?? 'zh-CN'): Promise<Page> {
  const page = await h.newPage({ language });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${h.baseUrl}/forms-lab.html?manual`);
  await page.waitForFunction(() => typeof window.__mountLab === 'function');
  await page.evaluate(
    async ([lab]) => {
      window.__lab = lab as unknown as NonNullable<typeof window.__lab>; // window.__* are declared by forms/lab/forms-lab.ts
      await window.__mountLab();
    },
    [{ schema, ui, ...setup }] as const,
  );
  return page;
}

/** The widget element of a field (CSS locators pierce the widgets' shadow roots). */
const field = (page: Page, pointer: string): Locator => page.locator(`[data-pointer="${pointer}"]`).first();
const errorOf = async (page: Page, pointer: string): Promise<string | null> => {
  const error = field(page, pointer).locator('#error').first();
  return (await error.count()) ? ((await error.textContent()) ?? '').replace(/^⚠\s*/, '').trim() : null;
};

/** pointer → tag of every rendered widget, through the shadow roots */
function widgetTags(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const walk = (node: ParentNode) => {
      for (const el of node.querySelectorAll('[data-pointer]')) {
        out[el.getAttribute('data-pointer')!] = el.tagName.toLowerCase();
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(window.__form!.shadowRoot!);
    return out;
  });
}

/** The data-pointer of the widget holding the focus (through shadow roots). */
function focusedPointer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const host = (active?.getRootNode() as ShadowRoot | Document | undefined) instanceof ShadowRoot ? ((active!.getRootNode() as ShadowRoot).host as Element) : null;
    return host?.getAttribute('data-pointer') ?? null;
  });
}

const png = (bytes: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(bytes - 8, 1)]);

describe('the all-kinds form in a browser', () => {
  it('renders every kind, shows errors, refuses an oversized attachment, takes a signature and submits the exact value', async () => {
    const page = await openLab({ value: { contact: { name: '赵六' } } });

    // every kind of field, with its widget
    expect(await widgetTags(page)).toEqual({
      '/name': 'wy-text-widget',
      '/phone': 'wy-text-widget',
      '/email': 'wy-text-widget',
      '/unitId': 'wy-ref-picker-widget',
      '/personId': 'wy-ref-picker-widget',
      '/category': 'wy-select-widget',
      '/method': 'wy-radio-widget',
      '/urgent': 'wy-boolean-widget',
      '/agreed': 'wy-boolean-widget',
      '/description': 'wy-text-widget',
      '/visitDate': 'wy-date-widget',
      '/visitTime': 'wy-date-widget',
      '/occurredAt': 'wy-date-widget',
      '/count': 'wy-number-widget',
      '/area': 'wy-number-widget',
      '/fee': 'wy-money-widget',
      '/total': 'wy-money-widget',
      '/checklist': 'wy-checkbox-group-widget',
      '/contact': 'wy-object-widget',
      '/contact/name': 'wy-text-widget',
      '/contact/phone': 'wy-text-widget',
      '/readings': 'wy-array-widget',
      '/photo': 'wy-attachment-widget',
      '/documents': 'wy-attachment-widget',
      '/signature': 'wy-signature-widget',
    });
    // the controls behind them, reachable by their labels
    expect(await field(page, '/description').locator('textarea').count()).toBe(1);
    expect(await field(page, '/phone').locator('input[type=tel]').getAttribute('placeholder')).toBe('如 13800138000');
    expect(await field(page, '/visitDate').locator('input[type=date]').count()).toBe(1);
    expect(await field(page, '/visitTime').locator('input[type=time]').count()).toBe(1);
    expect(await field(page, '/occurredAt').locator('input[type=datetime-local]').count()).toBe(1);
    expect(await field(page, '/agreed').getByRole('radio').count()).toBe(2); // 是 / 否
    expect(await field(page, '/method').getByRole('radio').count()).toBe(3);
    expect(await field(page, '/category').locator('option').allTextContents()).toEqual(['请选择', '给排水', '电气', '门锁', '墙面', '门窗玻璃', '其他']);
    expect(await field(page, '/contact/name').locator('input').inputValue()).toBe('赵六');
    expect(await field(page, '/photo').locator('#limits').textContent()).toBe('支持 JPEG、PNG；单个文件不超过 1 MB');
    expect(await field(page, '/documents').locator('#limits').textContent()).toBe('支持 PDF、PNG；单个文件不超过 2 MB；最多 3 个');
    expect(await field(page, '/total').locator('input').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('[data-pointer="/categoryOther"]').count()).toBe(0); // only for category 其他
    // accessible names come from the labels (the required marker is not read out)
    expect(await page.getByRole('textbox', { name: '联系电话', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: '报修类别', exact: true }).count()).toBe(1);
    expect(await page.getByRole('radiogroup', { name: '回复方式', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: '房屋', exact: true }).count()).toBe(1); // the unit picker
    expect(await page.getByRole('group', { name: '验收项目', exact: true }).count()).toBe(1);
    expect(await page.getByRole('img', { name: '住户签名', exact: true }).count()).toBe(1);
    // help and error texts are tied to their control
    expect(await field(page, '/phone').locator('input').getAttribute('aria-describedby')).toBe('help');
    await h.screenshot(page, 'forms-all-kinds-empty');

    // an invalid value shows its error once the field is left
    await field(page, '/phone').locator('input').fill('abc');
    expect(await errorOf(page, '/phone')).toBeNull();
    await page.keyboard.press('Tab');
    expect(await errorOf(page, '/phone')).toBe('电话号码格式不正确');
    expect(await field(page, '/phone').locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, '/phone').locator('input').getAttribute('aria-describedby')).toBe('help error');
    await field(page, '/fee').locator('input').fill('12.345');
    await page.keyboard.press('Tab');
    expect(await errorOf(page, '/fee')).toBe('金额格式不正确（最多两位小数，如 1234.50）');

    // submitting shows every error and focuses the first invalid field; nothing is submitted
    await page.getByRole('button', { name: '提交' }).click();
    expect(await errorOf(page, '/name')).toBe('必填');
    expect(await errorOf(page, '/category')).toBe('必填');
    expect(await errorOf(page, '/method')).toBe('必填');
    expect(await errorOf(page, '/agreed')).toBe('必填');
    expect(await focusedPointer(page)).toBe('/name');
    expect(await page.evaluate(() => window.__submitted)).toBeUndefined();
    await h.screenshot(page, 'forms-all-kinds-errors');

    // fix and fill everything
    await field(page, '/name').locator('input').fill('王五');
    expect(await errorOf(page, '/name')).toBeNull();
    await field(page, '/phone').locator('input').fill('0755-86001234');
    expect(await errorOf(page, '/phone')).toBeNull();
    await field(page, '/email').locator('input').fill('wang@example.com');

    await field(page, '/unitId').locator('input').fill('2栋');
    await field(page, '/unitId').getByRole('option', { name: '翠湖花园 2栋 2单元 201' }).click();
    expect(await field(page, '/unitId').locator('input').inputValue()).toBe('翠湖花园 2栋 2单元 201');
    await field(page, '/personId').locator('input').fill('李');
    await field(page, '/personId').getByRole('option').first().waitFor();
    await field(page, '/personId').locator('input').press('Enter'); // keyboard pick of the first match
    expect(await field(page, '/personId').locator('input').inputValue()).toBe('李娜（13900139000）');

    await field(page, '/category').locator('select').selectOption({ label: '其他' });
    await field(page, '/categoryOther').locator('input').fill('电梯');
    await field(page, '/method').getByLabel('上门').check();
    await field(page, '/urgent').getByLabel('紧急').check();
    await field(page, '/agreed').getByLabel('是').check();
    await field(page, '/description').locator('textarea').fill('电梯按钮失灵，住户要求周四上午上门。');

    await field(page, '/visitDate').locator('input').fill('2026-10-08');
    await field(page, '/visitTime').locator('input').fill('09:30');
    await field(page, '/occurredAt').locator('input').fill('2026-09-30T10:00');
    await field(page, '/count').locator('input').fill('3');
    await field(page, '/area').locator('input').fill('89.5');
    await field(page, '/fee').locator('input').fill('12.5');
    await page.keyboard.press('Tab');
    expect(await field(page, '/fee').locator('input').inputValue()).toBe('12.50');
    expect(await errorOf(page, '/fee')).toBeNull();
    expect(await field(page, '/total').locator('input').inputValue()).toBe('37.50'); // computed: 12.50 × 3
    await field(page, '/checklist').getByLabel('入户门').check();
    await field(page, '/checklist').getByLabel('对讲').check();
    await field(page, '/contact/phone').locator('input').fill('13900001111');

    // repeating rows: add up to maxItems (3), remove one
    const readings = field(page, '/readings');
    for (let i = 0; i < 3; i++) await readings.locator('button.add').click();
    expect(await readings.locator('button.add').isDisabled()).toBe(true);
    expect(await focusedPointer(page)).toBe('/readings/2/meter'); // the new row's first field
    await field(page, '/readings/0/meter').getByLabel('水表').check();
    await field(page, '/readings/0/value').locator('input').fill('123.4');
    await field(page, '/readings/1/meter').getByLabel('电表').check();
    await field(page, '/readings/1/value').locator('input').fill('56');
    await readings.locator('[data-row="2"] button.remove').click();
    expect(await readings.locator('[data-row]').count()).toBe(2);
    expect(await readings.locator('button.add').isDisabled()).toBe(false);

    // attachments: over the size limit or of the wrong type → refused before uploading
    const photoInput = field(page, '/photo').locator('input[type=file]');
    await photoInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: png(1048576 + 1) });
    expect(await field(page, '/photo').locator('#problems').textContent()).toContain('“big.png”（1 MB）超过 1 MB 的上限，未上传');
    await field(page, '/documents').locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    expect(await field(page, '/documents').locator('#problems').textContent()).toContain('“notes.txt”的文件类型不允许，未上传');
    expect(await page.evaluate(() => window.__uploads.length)).toBe(0);
    await photoInput.setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: png(2048) });
    await field(page, '/photo').locator('.file-name').waitFor();
    expect(await field(page, '/photo').locator('.file').textContent()).toMatch(/leak\.png\s*2 KB/);
    await field(page, '/documents').locator('input[type=file]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3000, 37) });
    await field(page, '/documents').locator('.file-name').waitFor();
    expect(await page.evaluate(() => window.__uploads.map((u) => u.name))).toEqual(['leak.png', 'report.pdf']);

    // a signature drawn with the mouse
    const pad = field(page, '/signature').locator('canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 22, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
    await page.mouse.up();
    expect(await field(page, '/signature').locator('#state').textContent()).toBe('已签名 ✓');
    await h.screenshot(page, 'forms-all-kinds-filled');

    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForFunction(() => window.__submitted !== undefined);
    const submitted = (await page.evaluate(() => window.__submitted))!;
    expect(submitted.signature).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{100,}$/);
    expect(submitted).toEqual({
      name: '王五',
      phone: '0755-86001234',
      email: 'wang@example.com',
      unitId: 201,
      personId: 2,
      category: 'other',
      categoryOther: '电梯',
      method: 'visit',
      urgent: true,
      agreed: true,
      description: '电梯按钮失灵，住户要求周四上午上门。',
      visitDate: '2026-10-08',
      visitTime: '09:30:00+08:00',
      occurredAt: '2026-09-30T10:00:00+08:00',
      count: 3,
      area: 89.5,
      fee: '12.50',
      total: '37.50',
      checklist: ['door', 'intercom'],
      contact: { name: '赵六', phone: '13900001111' },
      readings: [
        { meter: 'water', value: 123.4 },
        { meter: 'electricity', value: 56 },
      ],
      photo: 'att_lab000001',
      documents: ['att_lab000002'],
      signature: submitted.signature,
    });
    expect(await page.evaluate(() => window.__changes.length)).toBeGreaterThan(20); // wy-change on every edit
    await h.screenshot(page, 'forms-all-kinds-submitted');
  });

  it('leaves out the fields of a hidden section and brings them back when it shows again', async () => {
    const page = await openLab({ value: { name: '王五', category: 'water', method: 'visit', agreed: false, photo: 'att_existing01' } });
    expect(await page.locator('section[data-section="files"]').count()).toBe(1);
    await field(page, '/method').getByLabel('短信').check();
    expect(await page.locator('section[data-section="files"]').count()).toBe(0);
    expect(await page.evaluate(() => window.__form!.getValue())).toEqual({ name: '王五', category: 'water', method: 'sms', agreed: false });
    await field(page, '/method').getByLabel('上门').check();
    expect(await page.evaluate(() => window.__form!.getValue())).toMatchObject({ photo: 'att_existing01' });
    expect(await page.evaluate(() => window.__form!.validate())).toBe(true);
  });

  it('speaks English, and shows server issues on their field and in the form-level box', async () => {
    const page = await openLab(
      {
        language: 'en',
        value: { name: 'Wang Wu', phone: '12', category: 'water', method: 'visit', agreed: true },
        errors: [
          { pointer: '/data/phone', code: 'format', message: 'must match format "phone"' },
          { pointer: '/data/name', code: 'maxLength', message: 'must NOT have more than 50 characters' },
          { pointer: '/unitId', code: 'wrong-project', message: 'the unit is not in this project' },
        ],
      },
      'en',
    );
    expect(await field(page, '/name').locator('label').textContent()).toBe('Name*');
    expect(await errorOf(page, '/phone')).toBe('invalid phone number');
    expect(await errorOf(page, '/name')).toBe('at most 50 characters');
    expect(await page.locator('.form-errors').textContent()).toContain('unitId: the unit is not in this project');
    // editing the field retires the server's word about it
    await field(page, '/name').locator('input').fill('Wang');
    expect(await errorOf(page, '/name')).toBeNull();
    await field(page, '/name').locator('input').fill('');
    await page.getByRole('button', { name: 'Submit' }).click();
    expect(await errorOf(page, '/name')).toBe('is required');
    await h.screenshot(page, 'forms-all-kinds-en');
  });
});

