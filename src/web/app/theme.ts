import type { KeyboardEvent } from 'react';
import { Badge, DEFAULT_THEME, Menu, Modal, MultiSelect, Table, TagsInput, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Mantine's palette with its three darkest shades replaced, so text on tints stays above 4.5:1. */
function deepened(name: 'green' | 'orange' | 'yellow' | 'red' | 'teal', darkest: [string, string, string]): MantineColorsTuple {
  return [...DEFAULT_THEME.colors[name].slice(0, 7), ...darkest] as unknown as MantineColorsTuple;
}

/**
 * Enter in a field that collects several values picks the highlighted option or adds the tag
 * (Mantine does that whatever this says); with nothing to pick it would submit the surrounding
 * form half-filled, so it stays in the field.
 */
const enterStaysInField = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};

/**
 * Mantine's defaults with the contrast raised to WCAG AA: its primary blue, grey "dimmed" text,
 * red error text and the dark shades of green, orange, yellow and red used for badges and alerts
 * are all below 4.5:1 on white or on their own tints.
 */
export const theme = createTheme({
  // People who ask their system for less motion get none: no sliding or fading dialogs.
  respectReducedMotion: true,
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  colors: {
    green: deepened('green', ['#2b8a3e', '#237032', '#1b5e2a']),
    orange: deepened('orange', ['#d9480f', '#b03f0a', '#8f3408']),
    yellow: deepened('yellow', ['#e67700', '#8a5a00', '#6e4800']),
    red: deepened('red', ['#e03131', '#c92a2a', '#a51d1d']),
    teal: deepened('teal', ['#087f5b', '#08705a', '#065c4a']),
  },
  components: {
    // Capitals read as shouting in a calm working tool.
    Badge: Badge.extend({ defaultProps: { tt: 'none', radius: 'sm' } }),
    // Mantine's close button has only an icon; screen readers need its name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Mantine parks focus on a placeholder with role="presentation" inside role="menu", which a
    // menu may not contain (axe: aria-required-children); the first item takes focus instead.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { onKeyDown: enterStaysInField } }),
    // A table wider than a phone scrolls sideways: its scrollbar shows whenever it can scroll (the
    // cue that there is more), and the keyboard can reach it to scroll (axe: scrollable-region-focusable).
    TableScrollContainer: Table.ScrollContainer.extend({ defaultProps: { scrollAreaProps: { type: 'auto', viewportProps: { tabIndex: 0 } } } }),
    TagsInput: TagsInput.extend({ defaultProps: { onKeyDown: enterStaysInField } }),
  },
  headings: {
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-placeholder': t.colors.gray[7],
  },
  dark: {},
});
