import 'leaflet/dist/leaflet.css';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Anchor, List, Stack, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { latLngBounds, type LatLngTuple } from 'leaflet';
import { MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import classes from './LocationMap.module.css';
import { markerIcon } from './markerIcon.ts';
import { useSettings } from './settings.ts';

export interface MapPoint {
  id: string;
  latitude: number | null;
  longitude: number | null;
  /** What the place is called on the marker and in the list, e.g. "12 High Street, NG1 5AB". */
  label: string;
  href?: string;
}

interface Props {
  points: MapPoint[];
  height?: number;
  /** The map's accessible name, e.g. "Map of the case's locations". */
  label?: string;
  /** Lists the places under the map; leave off only where a list of the same places sits beside it. */
  withList?: boolean;
  /** Called with the spot clicked, to choose a location's coordinates. */
  onPick?: (latitude: number, longitude: number) => void;
}

/** Where a map with nothing on it starts: England and Wales. */
const overview = { center: [52.6, -1.6] as LatLngTuple, zoom: 6 };
const streetZoom = 16;

const placedOn = (p: MapPoint): p is MapPoint & { latitude: number; longitude: number } => p.latitude !== null && p.longitude !== null;

/** Six decimal places is about 10 cm: more than a click on a map can mean. */
const rounded = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Places on a map, with a list of the same places so that the map is never the only way to reach
 * one. Markers take keyboard focus; Enter opens a marker's popup with its link.
 */
export function LocationMap({ points, height = 320, label = 'Map', withList = true, onPick }: Props) {
  const settings = useSettings();
  // Leaflet animates zooms and fades popups in whatever the person's system asks for.
  const still = useReducedMotion(undefined, { getInitialValueInEffect: false });
  const placed = points.filter(placedOn);
  const signature = placed.map((p) => `${p.latitude},${p.longitude}`).join(';');
  const first = placed[0];
  const start = first ? { center: [first.latitude, first.longitude] as LatLngTuple, zoom: streetZoom } : overview;

  return (
    <Stack gap="xs">
      {placed.length === 0 && !onPick ? (
        <Text size="sm" c="dimmed">
          No map position is recorded for {points.length === 1 ? 'this place' : 'these places'}.
        </Text>
      ) : (
        <MapContainer
          center={start.center}
          zoom={start.zoom}
          className={classes.map}
          style={{ height }}
          scrollWheelZoom={false}
          fadeAnimation={!still}
          zoomAnimation={!still}
          markerZoomAnimation={!still}
        >
          <NameMap label={label} />
          <KeepSize />
          <FitToPoints signature={signature} follow={onPick !== undefined} />
          {onPick && <PickOnClick onPick={onPick} />}
          {settings.data && <TileLayer url={settings.data.mapTileUrl} attribution={settings.data.mapAttribution} />}
          {placed.map((p) => (
            <Marker key={p.id} position={[p.latitude, p.longitude]} icon={markerIcon} title={p.label} alt={p.label}>
              <Popup>
                {p.href ? (
                  <Anchor component={Link} to={p.href} size="sm">
                    {p.label}
                  </Anchor>
                ) : (
                  p.label
                )}
              </Popup>
            </Marker>
          ))}
        </MapContainer>
      )}
      {withList && points.length > 0 && <PlaceList points={points} label={label} />}
    </Stack>
  );
}

function PlaceList({ points, label }: { points: MapPoint[]; label: string }) {
  return (
    <List size="sm" aria-label={`Places on the ${label.charAt(0).toLowerCase()}${label.slice(1)}`}>
      {points.map((p) => (
        <List.Item key={p.id}>
          {p.href ? (
            <Anchor component={Link} to={p.href} size="sm">
              {p.label}
            </Anchor>
          ) : (
            p.label
          )}
          {!placedOn(p) && (
            <Text span size="sm" c="dimmed">
              {' '}
              (no map position)
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Leaflet's container takes focus for panning with the arrow keys: it needs a name to be announced. */
export function NameMap({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

/** Leaflet measures its container once; a map in a dialog or a reflowing column must measure again. */
export function KeepSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/**
 * Shows every point: one close up, several within view, again whenever the map changes size
 * (Leaflet measures late in a dialog or a reflowing column). While choosing a position, the map
 * only follows the point, keeping the zoom the person chose.
 */
function FitToPoints({ signature, follow }: { signature: string; follow: boolean }) {
  const map = useMap();
  useEffect(() => {
    if (!signature) return undefined;
    const positions = signature.split(';').map((pair) => pair.split(',').map(Number) as LatLngTuple);
    const [only] = positions;
    if (follow) {
      if (only && !map.getBounds().contains(only)) map.panTo(only);
      return undefined;
    }
    const fit = () => {
      if (positions.length === 1 && only) map.setView(only, streetZoom);
      // More room at the top: a marker stands above its point.
      else map.fitBounds(latLngBounds(positions), { paddingTopLeft: [40, 56], paddingBottomRight: [40, 24], maxZoom: streetZoom });
    };
    fit();
    map.on('resize', fit);
    return () => {
      map.off('resize', fit);
    };
  }, [map, signature, follow]);
  return null;
}

function PickOnClick({ onPick }: { onPick: (latitude: number, longitude: number) => void }) {
  useMapEvents({
    click: (event) => onPick(rounded(event.latlng.lat), rounded(event.latlng.lng)),
  });
  return null;
}
