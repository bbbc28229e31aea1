import { Switch } from '@mantine/core';
import { useSearchShortcutSetting } from './shortcut.ts';

/** Lets people turn off the "/" shortcut, which speech input can trigger by accident. */
export function ShortcutSetting() {
  const [enabled, setEnabled] = useSearchShortcutSetting();
  return (
    <Switch
      label="Press / to go to the search box"
      description="Turn this off if you use speech input or the key gets in your way."
      checked={enabled}
      onChange={(e) => setEnabled(e.currentTarget.checked)}
    />
  );
}
