import { z } from 'zod';

/** Deployment settings the web app needs: where map tiles come from and the credit they require, and the postcode lookup. */
export const settings = z.object({
  /** A Leaflet tile URL template, e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png". */
  mapTileUrl: z.string(),
  /** HTML set by whoever runs Concord (MAP_ATTRIBUTION), shown in the map's corner. */
  mapAttribution: z.string(),
  /** What looking up a postcode gives here: its addresses (and position), its position only, or null when there is no lookup. */
  postcodeLookup: z.enum(['addresses', 'coordinates']).nullable(),
});
export type Settings = z.infer<typeof settings>;
