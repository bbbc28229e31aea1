import { visibilities, type Visibility } from '../../../shared/work.ts';

/**
 * The visibilities that let more people read than this one (private < team < shared): a
 * document attached to a report may not be read by anyone the report itself is not for.
 */
export function widerThan(visibility: Visibility): Visibility[] {
  return visibilities.slice(0, visibilities.indexOf(visibility));
}

export const isWider = (candidate: Visibility, than: Visibility): boolean => widerThan(than).includes(candidate);
