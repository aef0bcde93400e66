/**
 * Steps of test/browser/admin-procedures.test.ts: what a company admin does in 系统配置 to build a
 * procedure from nothing (a new type, fields from the palette, states, steps, clocks, a printed
 * document, dry run, activation) and what staff do with it in the staff app. Each step drives the
 * screen through the names a person reads (roles and labels), so a renamed control fails here once.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { choose } from './form-steps.js';
import type { BrowserHarness } from './browser-harness.js';

/** 系统配置's tabs (流程与时限, 打印模板, 审阅与启用 …) by their name. */
export async function tab(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '配置编辑' });
  await nav.getByRole('link', { name, exact: true }).click();
  await nav.getByRole('link', { name, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
}

/** Opens a <details> part of the editor (a transition, a clock) unless it is open. */
export async function expand(part: Locator): Promise<void> {
  if ((await part.getAttribute('open')) === null) await part.locator('summary').first().click();
  await expect.poll(() => part.getAttribute('open')).not.toBeNull();
}

/** Opens a tab on a procedure: 流程与时限 / 表单 / 打印模板 each have their own procedure picker. */
export async function tabOn(page: Page, name: '表单' | '流程与时限' | '打印模板', typeTitle: string): Promise<void> {
  await tab(page, name);
  // a select inside its label: its name is the label's words followed by the chosen option
  const picker = page.getByRole('combobox', { name: name === '流程与时限' ? /^流程/ : /^(插件|业务)/ }).first();
  await picker.selectOption({ label: typeTitle });
  await expect.poll(() => picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.label.trim())).toBe(typeTitle);
}

// ---- 表单: fields from the palette ----

export interface NewField { kind: string; label: string; required?: boolean; options?: string[] }

/** Adds a field of a palette kind on the form the page shows, then names its options (选项 / 多选). */
export async function addField(page: Page, f: NewField): Promise<Locator> {
  const form = page.getByTestId('new-field');
  const palette = form.getByRole('radiogroup', { name: '字段类型' });
  await palette.getByRole('radio', { name: f.kind, exact: true }).click();
  await expect.poll(() => palette.getByRole('radio', { name: f.kind, exact: true }).getAttribute('aria-checked')).toBe('true');
  await form.getByLabel('中文名称').fill(f.label);
  const required = form.getByLabel('必填');
  if (f.required) await required.check();
  else await required.uncheck();
  await form.getByRole('button', { name: '添加', exact: true }).click();
  const editor = page.getByRole('group', { name: `编辑字段：${f.label}` });
  await editor.waitFor();
  if (f.options) await setOptions(editor, f.options);
  return editor;
}

/** Names a choice field's options in order, adding rows beyond the two the palette starts with. */
export async function setOptions(editor: Locator, options: string[]): Promise<void> {
  for (let i = 0; i < options.length; i++) {
    const zh = editor.getByLabel(`选项 ${i + 1} 中文`);
    if (!(await zh.count())) await editor.getByRole('button', { name: '添加选项' }).click();
    await zh.fill(options[i]!);
  }
}

/** Renames a field (the blank type's 事由) in its editor, opening the editor from the field's row. */
export async function renameField(page: Page, from: string, to: string): Promise<void> {
  const editor = page.getByRole('group', { name: `编辑字段：${from}` });
  if (!(await editor.count())) await page.getByRole('button', { name: `编辑字段 ${from}`, exact: true }).click();
  await editor.getByLabel('中文名称', { exact: true }).fill(to);
  await page.getByRole('group', { name: `编辑字段：${to}` }).waitFor();
}

// ---- 流程与时限 ----

/** Renames a state in the states table (「<name> 中文名称」). */
export async function renameState(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel(`${from} 中文名称`).fill(to);
  await page.getByLabel(`${to} 中文名称`).waitFor();
}

export async function addState(page: Page, title: string, final = false): Promise<void> {
  const add = page.getByRole('form', { name: '添加状态' });
  await add.getByLabel('中文名称').fill(title);
  if (final) await add.getByLabel('终止状态').check();
  await add.getByRole('button', { name: '添加状态' }).click();
  await page.getByLabel(`${title} 中文名称`).waitFor();
}

/** A step's or a clock's part of the designer, by its name (ids are generated, never shown). */
export const part = (page: Page, title: string): Locator => page.getByRole('group', { name: title, exact: true });

/** Adds a step from one state to another and sets who may take it (role titles). */
export async function addStep(page: Page, s: { title: string; from: string; to: string; roles: string[] }): Promise<Locator> {
  const add = page.getByRole('form', { name: '添加流转' });
  await add.getByLabel('中文名称').fill(s.title);
  await add.getByLabel('起始状态').selectOption({ label: s.from });
  await add.getByLabel('目标状态').selectOption({ label: s.to });
  await add.getByRole('button', { name: '添加流转' }).click();
  return setStepRoles(page, s.title, s.roles);
}

async function tickExactly(group: Locator, names: string[]): Promise<void> {
  for (const box of await group.getByRole('checkbox').all()) {
    const name = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
    if (names.includes(name)) await box.check();
    else await box.uncheck();
  }
}

/** Opens a step and ticks exactly the given roles. */
export async function setStepRoles(page: Page, title: string, roles: string[]): Promise<Locator> {
  const step = part(page, title);
  await expand(step);
  await step.locator('details').filter({ hasText: '可执行岗位' }).locator('summary').first().click();
  await tickExactly(page.getByRole('group', { name: `${title} · 可执行岗位` }), roles);
  return step;
}

/** Renames a step (its 中文名称 inside its part). */
export async function renameStep(page: Page, from: string, to: string): Promise<void> {
  const step = part(page, from);
  await expand(step);
  await step.getByLabel('中文名称', { exact: true }).first().fill(to);
  await part(page, to).waitFor();
}

/** Adds a clock (amount in unit) and sets where it starts, stops and whom it escalates to. */
export async function addClock(page: Page, c: { title: string; amount: number; unit: string; startOn?: string[]; stopOn?: string[]; escalateTo?: string }): Promise<Locator> {
  const add = page.getByRole('form', { name: '添加时限' });
  await add.getByLabel('中文名称').fill(c.title);
  await add.getByLabel('时长').fill(String(c.amount));
  await add.getByLabel('单位').selectOption({ label: c.unit });
  await add.getByRole('button', { name: '添加时限' }).click();
  const clock = part(page, c.title);
  await expand(clock);
  if (c.escalateTo) await page.getByLabel(`${c.title} · 超时上报岗位`).selectOption({ label: c.escalateTo });
  for (const [what, states] of [['开始于', c.startOn], ['停止于', c.stopOn]] as const) {
    if (!states) continue;
    await clock.locator('details').filter({ hasText: what }).locator('summary').first().click();
    await tickExactly(page.getByRole('group', { name: `${c.title} · ${what}` }), states);
  }
  return clock;
}

// ---- 审阅与启用 ----

/** Proposes the draft with a reason and activates it; returns the version number. */
export async function proposeAndActivate(page: Page, reason: string): Promise<number> {
  await page.getByLabel('修改原因（必填）').fill(reason);
  await page.getByRole('button', { name: '提交（待启用）' }).click();
  const message = page.getByTestId('review-message');
  await expect.poll(() => message.textContent(), { timeout: 30_000 }).toMatch(/已提交为版本 \d+/);
  const n = Number(/已提交为版本 (\d+)/.exec((await message.textContent())!)![1]);
  await page.getByRole('button', { name: `启用版本 ${n}` }).click();
  await page.getByTestId('activate-dialog').getByRole('button', { name: `确认启用版本 ${n}` }).click();
  await expect.poll(() => message.textContent(), { timeout: 30_000 }).toContain(`已启用版本 ${n}`);
  return n;
}

// ---- the staff app ----

export const stateOf = (page: Page) => page.getByTestId('case-state');

/** Opens 登记<type> from the navigation's entry of the procedure. */
export async function openNewCase(page: Page, typeTitle: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: typeTitle, exact: true }).first().click();
  await page.getByRole('link', { name: `登记${typeTitle}` }).click();
  await page.getByRole('heading', { name: `登记${typeTitle}` }).waitFor();
}

/** Registers the form on screen and returns the new case's serial. */
export async function register(page: Page): Promise<string> {
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByTestId('case-serial').waitFor();
  return (await page.getByTestId('case-serial').textContent())!.trim();
}

/** Clicks a step's button on the case page, fills it with `fill` and sends it. */
export async function step(page: Page, title: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  // a step with a form is sent by its own name; one without asks 确定
  await dialog.getByRole('button', { name: title, exact: true }).or(dialog.getByRole('button', { name: '确定', exact: true })).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

export { choose };

/** A small valid PNG of `bytes` bytes (the photo widget checks type and size, not the picture). */
export function png(bytes = 2048): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0)]);
}

/** Moves the server's clock to a Beijing time ("2026-11-05 10:00") and runs its jobs, as the scheduler would. */
export async function moveClockTo(h: BrowserHarness, local: string): Promise<void> {
  h.kernel.clock.set(new Date(`${local.replace(' ', 'T')}:00+08:00`));
  await h.kernel.runJobs();
}

/** The company's configuration versions, as the admin's API lists them. */
export async function configVersions(h: BrowserHarness): Promise<{ number: number; status: string; current: boolean }[]> {
  const res = await h.kernel.call(await h.kernel.login('admin'), 'GET', '/api/config/versions');
  return (res.json() as { items: { number: number; status: string; current: boolean }[] }).items;
}
