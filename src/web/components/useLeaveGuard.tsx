import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { Button, Group, Modal, Text } from '@mantine/core';

/**
 * Asks before a page with unsaved changes is left by accident: a link, Back, the search box, or
 * closing the tab. Leaving on purpose (Cancel, or the save's own move to the record) calls
 * `allow()` first. Render `dialog` in the page.
 */
export function useLeaveGuard(dirty: boolean) {
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty && !allowed.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));

  useEffect(() => {
    if (!dirty) return undefined;
    // Browsers show their own wording for a tab being closed or reloaded.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const stay = () => blocker.reset?.();
  const dialog = (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title="Leave without saving?">
      <Text>What you have entered on this page has not been saved. If you leave now, it will be lost.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={stay} data-autofocus>
          Stay on this page
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </Group>
    </Modal>
  );
  return {
    dialog,
    allow: () => {
      allowed.current = true;
    },
  };
}

/** Whether form values differ from where they started, compared by content. */
export const changedFrom = (start: unknown, now: unknown) => JSON.stringify(start) !== JSON.stringify(now);
