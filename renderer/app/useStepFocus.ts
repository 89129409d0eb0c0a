import { useEffect, useRef, type RefObject } from 'react';
import type { Step } from '../model/appState.js';

/** Moves the focus to the step's heading (the h2 of the main area, which takes it with tabIndex -1). */
export function focusStepHeading(main: RefObject<HTMLElement | null>): void {
  const heading = main.current?.querySelector('h2');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/**
 * After a step change the focus moves to the new step's heading, so keyboard and screen-reader users
 * land on the step they are on rather than on the page's body. The first step, at start, leaves the
 * focus where it is.
 */
export function useStepFocus(step: Step, main: RefObject<HTMLElement | null>) {
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    focusStepHeading(main);
  }, [step, main]);
}
