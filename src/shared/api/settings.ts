import { z } from 'zod';

/** Deployment settings the web app needs: where map tiles come from and the credit they require. */
export const settings = z.object({
  /** A Leaflet tile URL template, e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png". */
  mapTileUrl: z.string(),
  /** HTML set by whoever runs Concord (MAP_ATTRIBUTION), shown in the map's corner. */
  mapAttribution: z.string(),
});
export type Settings = z.infer<typeof settings>;
