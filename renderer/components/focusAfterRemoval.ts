/**
 * Where the focus goes when a chip's remove button removes its chip: the next chip's button, else the
 * previous one's, else the list's "Add…" field (AddColumn) that follows the chips. Left to itself the
 * focus fell to the page and the next Tab started 16 stops back at the step's heading (a walk,
 * keyboard only).
 */
export function focusAfterRemoval(button: HTMLElement): void {
  const list = button.closest('ul');
  const buttons = list ? [...list.querySelectorAll<HTMLElement>(':scope > li .chip-remove')] : [];
  const at = buttons.indexOf(button);
  let target: HTMLElement | null = buttons[at + 1] ?? buttons[at - 1] ?? null;
  for (let next = list?.nextElementSibling ?? null; !target && next; next = next.nextElementSibling) {
    target = next.matches('.add-column') ? next.querySelector('select') : null;
  }
  // After React has removed the chip.
  if (target) requestAnimationFrame(() => target.focus());
}
