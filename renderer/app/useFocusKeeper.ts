import { useEffect, useRef, type RefObject } from 'react';
import { focusStepHeading } from './useStepFocus.js';

/**
 * Keeps the keyboard focus in the page when what held it goes: a screen replaced by another (the
 * survey rounds' trends after a run, the round's tables after "What to show"), or a control disabled
 * while a step runs. After each render, if the focus fell to the page's body because the control
 * that last held it is gone or disabled, it goes to the step's heading (a control the user left for
 * the page's body, still there and usable, is left alone).
 */
export function useFocusKeeper(main: RefObject<HTMLElement | null>) {
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && main.current?.contains(e.target)) last.current = e.target;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [main]);
  useEffect(() => {
    const was = last.current;
    if (!was || (document.activeElement !== null && document.activeElement !== document.body)) return;
    if (was.isConnected && !(was as HTMLButtonElement).disabled) return;
    last.current = null;
    // The same control drawn again by the new screen (the rounds' "What to show" radios are in both the
    // round's tables and the trends): the focus stays on it, so the next arrow key switches back (a walk:
    // it went to the heading, and the arrow scrolled the page).
    const again = sameControl(main.current, was);
    if (again && again !== was && !(again as HTMLButtonElement).disabled) again.focus();
    else focusStepHeading(main);
  });
}

/** In `root`, the control that stands for `was`: the checked radio of its group, or the element with its id. */
function sameControl(root: HTMLElement | null, was: HTMLElement): HTMLElement | null {
  if (!root) return null;
  if (was instanceof HTMLInputElement && was.type === 'radio' && was.name) {
    return root.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(was.name)}"]:checked`);
  }
  return was.id ? root.querySelector<HTMLElement>(`#${CSS.escape(was.id)}`) : null;
}
