import { useEffect, type RefObject } from 'react';
import { useLocalStorage } from '@mantine/hooks';

/**
 * Whether pressing "/" jumps to the search box. A single-key shortcut can be set off by speech
 * input, so people can turn it off (WCAG 2.1.4); the choice is kept in this browser.
 */
export function useSearchShortcutSetting() {
  return useLocalStorage({ key: 'concord-search-shortcut', defaultValue: true, getInitialValueInEffect: false });
}

/** Typing in a field, or working in a dialog that keeps focus inside itself. */
function busyIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null;
}

/** Focuses the input on "/", unless the person is busy elsewhere or has turned it off. */
export function useSlashToFocus(input: RefObject<HTMLInputElement | null>, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (busyIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [input, enabled]);
}
