/**
 * One part of a starter letter, in reading order. Any text may hold [placeholders]: what the
 * sender fills in (names, dates, addresses, the behaviour), highlighted in the document.
 */
export type Block =
  /** A paragraph. */
  | string
  | { heading: string }
  /** Lines kept together, as an address is. */
  | { lines: string[] }
  | { list: string[] }
  /** Boxes to tick, one a line. */
  | { choices: string[] }
  /** Lines to write on: "Signed", "Name", "Date". */
  | { sign: string[] }
  /** Guidance for the sender, set apart, to delete before the letter goes out. */
  | { note: string };

/** A letter or form every partnership's template library starts with, for its administrators to adapt. */
export interface StarterLetter {
  /** Which starter this is, for good: each partnership is given each one once, whatever it is renamed to later. */
  key: string;
  folder: string;
  title: string;
  description: string;
  fileName: string;
  /** The document's own heading. */
  heading: string;
  body: Block[];
}
