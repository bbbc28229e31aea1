import { notifications } from '@mantine/notifications';

/** A short confirmation that something was saved, read out politely rather than as an alert. */
export function notifySaved(message: string) {
  notifications.show({
    message,
    color: 'green',
    role: 'status',
    autoClose: 5000,
    closeButtonProps: { 'aria-label': 'Dismiss' },
  });
}
