import { useEffect, useId, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { Button, Group, Modal, Text } from '@mantine/core';

// The router asks only the newest blocker on the page, so each guard answers for every form with
// unsaved work: a report half-written on a timeline stays guarded when another form opens beside it.
const unsavedForms = new Set<string>();

/**
 * Asks before a page with unsaved changes is left by accident: a link, Back, the search box, or
 * closing the tab. Leaving on purpose (Cancel, or the save's own move to the record) calls
 * `allow()` first. Render `dialog` in the page. A form that saves itself passes `saveFirst`: a
 * link or Back then saves and goes, and asks only if the save fails.
 */
export function useLeaveGuard(dirty: boolean, saveFirst?: () => Promise<boolean>) {
  const id = useId();
  const allowed = useRef(false);
  const [unsaved, setUnsaved] = useState(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    ((dirty && !allowed.current) || unsavedForms.size > 0) && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));

  useEffect(() => {
    if (!dirty || allowed.current) return undefined;
    unsavedForms.add(id);
    return () => {
      unsavedForms.delete(id);
    };
  }, [dirty, id]);

  useEffect(() => {
    if (blocker.state !== 'blocked' || !saveFirst) return undefined;
    let current = true;
    void saveFirst().then((saved) => {
      if (!current) return;
      if (saved) blocker.proceed();
      else setUnsaved(true);
    });
    return () => {
      current = false;
    };
  }, [blocker, saveFirst]);

  useEffect(() => {
    if (!dirty) return undefined;
    // Browsers show their own wording for a tab being closed or reloaded.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const stay = () => {
    setUnsaved(false);
    blocker.reset?.();
  };
  const leave = () => {
    setUnsaved(false);
    blocker.proceed?.();
  };
  const dialog = (
    <Modal opened={blocker.state === 'blocked' && (!saveFirst || unsaved)} onClose={stay} title="Leave without saving?">
      <Text>What you have entered on this page has not been saved. If you leave now, it will be lost.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={stay} data-autofocus>
          Stay on this page
        </Button>
        <Button color="red" onClick={leave}>
          Leave without saving
        </Button>
      </Group>
    </Modal>
  );
  return {
    dialog,
    allow: () => {
      allowed.current = true;
      unsavedForms.delete(id);
    },
  };
}

/** Whether form values differ from where they started, compared by content. */
export const changedFrom = (start: unknown, now: unknown) => JSON.stringify(start) !== JSON.stringify(now);
