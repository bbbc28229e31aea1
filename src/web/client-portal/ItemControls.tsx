import { Button, Group, VisuallyHidden } from '@mantine/core';

interface Props {
  /** What the item is called on the form: "step 2", "safe contact 1". */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * Buttons to reorder or remove one item of a list, so the order can be changed with the keyboard
 * alone. After a move, focus follows the item to its new place.
 */
export function ItemControls({ name, index, count, onMove, onRemove }: Props) {
  return (
    <Group gap={4}>
      <Button size="xs" variant="subtle" disabled={index === 0} onClick={() => onMove(-1)} data-move="up">
        Move up<VisuallyHidden> ({name})</VisuallyHidden>
      </Button>
      <Button size="xs" variant="subtle" disabled={index === count - 1} onClick={() => onMove(1)} data-move="down">
        Move down<VisuallyHidden> ({name})</VisuallyHidden>
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
        Remove<VisuallyHidden> ({name})</VisuallyHidden>
      </Button>
    </Group>
  );
}
