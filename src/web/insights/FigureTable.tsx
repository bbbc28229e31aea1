import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

const caption = { captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 6 } as const;

export interface FigureRow {
  key: string;
  /** The first cell names the row; the others are its figures. */
  cells: ReactNode[];
}

/** The figures of a chart, or of a list of places and people, as a table: what a screen reader reads. */
export function FigureTable({ title, columns, rows }: { title: string; columns: string[]; rows: FigureRow[] }) {
  return (
    <Table.ScrollContainer minWidth={columns.length * 110}>
      <Table withTableBorder fz="sm" verticalSpacing="xs">
        <caption style={caption}>{title}</caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.cells[0]}
              </Table.Th>
              {r.cells.slice(1).map((cell, i) => (
                <Table.Td key={columns[i + 1]}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
