import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import classes from './Details.module.css';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label and value pairs, as a description list so screen readers pair them up. */
export function Details({ items }: { items: Detail[] }) {
  return (
    <Box component="dl" className={classes.list}>
      {items.map((item) => (
        <div key={item.label} className={classes.row}>
          <Text component="dt" fw={600} size="sm">
            {item.label}
          </Text>
          <Text component="dd" size="sm">
            {item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}
