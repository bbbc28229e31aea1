import { useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ActionIcon, Box, Kbd, TextInput, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { withQuery } from '../api/client.ts';
import { useSearchShortcutSetting, useSlashToFocus } from './shortcut.ts';
import classes from './SearchBox.module.css';

function MagnifierIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </svg>
  );
}

/**
 * The one search box, in the top bar of every signed-in page. It leads to the results page; on
 * that page it shows the words searched for, so a search can be refined where it was typed.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const searched = pathname === '/search' ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(searched);
  // Follow the address when it changes under the box (back and forward, a link to a search).
  const [shown, setShown] = useState(searched);
  if (shown !== searched) {
    setShown(searched);
    setValue(searched);
  }
  const input = useRef<HTMLInputElement>(null);
  // On a phone the long hint would be cut off mid-word, and there is rarely a keyboard for "/".
  const narrow = useMediaQuery('(max-width: 30em)');
  const [shortcut] = useSearchShortcutSetting();
  useSlashToFocus(input, shortcut);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) {
      input.current?.focus();
      return;
    }
    // Searching again for the same words asks again: records may have changed since.
    void queryClient.invalidateQueries({ queryKey: ['search'] });
    void navigate(withQuery('/search', { q }));
  };

  return (
    <Box component="form" role="search" aria-label="Records" onSubmit={submit} className={classes.form}>
      <VisuallyHidden renderRoot={(props) => <label {...props} htmlFor="record-search" />}>
        Search people, cases and locations
      </VisuallyHidden>
      <TextInput
        ref={input}
        id="record-search"
        type="search"
        name="q"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        placeholder={narrow ? 'Search' : 'Search people, cases, locations'}
        autoComplete="off"
        aria-keyshortcuts={shortcut ? '/' : undefined}
        rightSection={shortcut && !value && !narrow ? <Kbd size="xs" aria-hidden="true">/</Kbd> : null}
        rightSectionPointerEvents="none"
        className={classes.field}
      />
      <ActionIcon type="submit" size={36} variant="filled" aria-label="Search">
        <MagnifierIcon />
      </ActionIcon>
    </Box>
  );
}
