// Small line icons beside words, never instead of them: hidden from screen readers, which read the words.

const common = {
  width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false,
} as const;

/** A crossed circle: a channel it is not safe to use. */
export function NotSafeIcon() {
  return (
    <svg {...common} style={{ flexShrink: 0 }}>
      <circle cx="12" cy="12" r="9" />
      <path d="m9 9 6 6M15 9l-6 6" />
    </svg>
  );
}

/** A tick: a channel confirmed safe. */
export function SafeIcon() {
  return (
    <svg {...common} style={{ flexShrink: 0 }}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}

/** A clock: a contact overdue. */
export function ClockIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}

/** A flag: the community trigger. */
export function FlagIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
    </svg>
  );
}
