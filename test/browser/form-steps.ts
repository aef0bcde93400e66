/**
 * Steps on the staff app's generated forms that browser tests share: pick an option, tick a box,
 * open a transition's dialog, find a field by its JSON pointer, draw a signature. Written once so a
 * change of the forms runtime's widgets is followed in one place.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The widget of a field by its JSON pointer (CSS locators pierce the widgets' shadow roots). */
export const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();

/** Picks an enum value whether the form shows it as a select or as radio buttons. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const select = scope.getByRole('combobox', { name: label });
  const group = scope.getByRole('radiogroup', { name: label }).or(scope.getByRole('group', { name: label }));
  await select.or(group).first().waitFor();
  if (await select.count()) await select.first().selectOption({ label: option });
  else await group.first().getByRole('radio', { name: option, exact: true }).check();
}

/** Ticks a boolean field shown as a checkbox, or answers 是 when it is shown as yes/no radios. */
export async function tick(scope: Locator, label: string): Promise<void> {
  const box = scope.getByRole('checkbox', { name: label });
  const group = scope.getByRole('radiogroup', { name: label }).or(scope.getByRole('group', { name: label }));
  await box.or(group).first().waitFor();
  if (await box.count()) await box.first().check();
  else await group.first().getByRole('radio', { name: '是', exact: true }).check();
}

/** Clicks a transition's button on the case page and returns its dialog. */
export async function takeStep(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

/** Draws a signature on a signature field's pad and waits until the field says it is signed. */
export async function sign(page: Page, scope: Locator, pointer: string): Promise<void> {
  const pad = field(scope, pointer).locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
  await page.mouse.up();
  await expect.poll(() => field(scope, pointer).locator('#state').textContent()).toBe('已签名 ✓');
}

/** The text of the page through the shadow roots (innerText stops at them), for checks that no code, id or English shows. */
export function deepText(page: Page): Promise<string> {
  return deepTextOf(page.locator('body'));
}

/** The text of one part of the page through the shadow roots (a card with charts and tables of their own). */
export function deepTextOf(scope: Locator): Promise<string> {
  return scope.evaluate((el) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
      let out = '';
      const root = (node as Element).shadowRoot;
      if (root) out += walk(root);
      for (const child of node.childNodes) out += walk(child);
      return `${out} `;
    };
    return walk(el);
  });
}
