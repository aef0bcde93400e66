/**
 * A `<select>` shows the option its state says. Lit sets a select's `.value` before it renders the
 * options inside (so the first render keeps the first option), and an option's `selected`
 * attribute no longer moves the selection once the user picked something: a select could show one
 * section while the page meant another. Each such select carries the wanted value in `data-value`
 * and the host calls `syncSelects` after every update.
 */
export function syncSelects(root: ParentNode): void {
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-value]')) {
    const wanted = select.dataset.value ?? '';
    if (select.value !== wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
}
