import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { divIcon, latLngBounds, type DivIcon, type LatLngTuple, type Map as LeafletMap } from 'leaflet';
import { MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import Supercluster from 'supercluster';
import type { Hotspot } from '../../shared/api/insights.ts';
import mapClasses from '../maps/LocationMap.module.css';
import { KeepSize, NameMap } from '../maps/LocationMap.tsx';
import { useSettings } from '../maps/settings.ts';
import classes from './Hotspots.module.css';
import { placeName, weightWords } from './places.ts';

interface Placed extends Hotspot {
  location: Hotspot['location'] & { latitude: number; longitude: number };
}

type PlaceProps = { index: number; weight: number };
type ClusterProps = { weight: number };

const placed = (h: Hotspot): h is Placed => h.location.latitude !== null && h.location.longitude !== null;
const streetZoom = 16;
const height = 440;

/** A cluster carries its places' weights summed: how many reports and cases lie under it, not only how many places. */
function clusterIndex(places: Placed[]) {
  const index = new Supercluster<PlaceProps, ClusterProps>({
    radius: 60,
    maxZoom: streetZoom,
    map: (p) => ({ weight: p.weight }),
    reduce: (sum, p) => {
      sum.weight += p.weight;
    },
  });
  return index.load(
    places.map((h, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [h.location.longitude, h.location.latitude] },
      properties: { index: i, weight: h.weight },
    })),
  );
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A marker's icon is HTML Leaflet makes focusable (role=button): its text is its name. A cluster
 * shows the weight it sums; a place is a circle whose area grows with its weight. Each icon is
 * made once: a new one would replace the marker's element, and with it the keyboard focus.
 */
const clusterIcons = new Map<string, DivIcon>();
function clusterIcon(weight: number, places: number) {
  const key = `${weight}/${places}`;
  const size = 34 + Math.min(26, String(weight).length * 6);
  const icon = clusterIcons.get(key) ?? divIcon({
    className: classes.cluster,
    iconSize: [size, size],
    html: `${weight}<span class="${classes.hidden}"> ${escape(weightWords(weight))} at ${places} places: zoom in</span>`,
  });
  clusterIcons.set(key, icon);
  return icon;
}

function placeIcon(h: Placed, heaviest: number) {
  const size = Math.round(14 + 30 * Math.sqrt(h.weight / heaviest));
  return divIcon({
    className: classes.place,
    iconSize: [size, size],
    html: `<span class="${classes.hidden}">${escape(placeName(h.location))}: ${escape(weightWords(h.weight))}</span>`,
  });
}

interface View {
  bbox: [number, number, number, number];
  zoom: number;
}

const viewOf = (map: LeafletMap): View => {
  const b = map.getBounds();
  return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: Math.round(map.getZoom()) };
};

function Clusters({ places }: { places: Placed[] }) {
  const map = useMap();
  const index = useMemo(() => clusterIndex(places), [places]);
  const placeIcons = useMemo(() => {
    const heaviest = Math.max(1, ...places.map((h) => h.weight));
    return places.map((h) => placeIcon(h, heaviest));
  }, [places]);
  const [view, setView] = useState(() => viewOf(map));
  useMapEvents({ moveend: () => setView(viewOf(map)) });

  return index.getClusters(view.bbox, view.zoom).map((feature) => {
    const [longitude, latitude] = feature.geometry.coordinates as LatLngTuple;
    const position: LatLngTuple = [latitude, longitude];
    const p = feature.properties;
    if ('cluster' in p) {
      return (
        <Marker
          key={`cluster-${p.cluster_id}`}
          position={position}
          icon={clusterIcon(p.weight, p.point_count)}
          title={`${weightWords(p.weight)} at ${p.point_count} places`}
          eventHandlers={{ click: () => map.setView(position, Math.min(index.getClusterExpansionZoom(p.cluster_id), streetZoom + 2)) }}
        />
      );
    }
    const h = places[p.index]!;
    return (
      <Marker key={h.location.id} position={position} icon={placeIcons[p.index]} title={`${placeName(h.location)}: ${weightWords(h.weight)}`}>
        <Popup>
          <Anchor component={Link} to={`/locations/${h.location.id}`} size="sm">
            {placeName(h.location)}
          </Anchor>
          <Text size="sm">
            {h.reports} {h.reports === 1 ? 'report' : 'reports'}, {h.cases} {h.cases === 1 ? 'case' : 'cases'}
          </Text>
        </Popup>
      </Marker>
    );
  });
}

/** Starts showing every place, and again when the places change. */
function FitToPlaces({ places }: { places: Placed[] }) {
  const map = useMap();
  useEffect(() => {
    const positions = places.map((h): LatLngTuple => [h.location.latitude, h.location.longitude]);
    const [only] = positions;
    if (positions.length === 1 && only) map.setView(only, streetZoom);
    else if (positions.length > 1) map.fitBounds(latLngBounds(positions), { padding: [40, 40], maxZoom: streetZoom });
  }, [map, places]);
  return null;
}

/**
 * The places on a map, clustered, each sized by its reports and cases. The table beside it holds
 * the same places with their figures; places with no position are in the table only.
 */
export function HotspotMap({ hotspots }: { hotspots: Hotspot[] }) {
  const settings = useSettings();
  const still = useReducedMotion(undefined, { getInitialValueInEffect: false });
  const places = useMemo(() => hotspots.filter(placed), [hotspots]);
  const first = places[0];
  if (!first) return <Text size="sm">None of these places has a map position; they are in the table.</Text>;
  return (
    <MapContainer
      center={[first.location.latitude, first.location.longitude]}
      zoom={streetZoom}
      className={mapClasses.map}
      style={{ height }}
      scrollWheelZoom={false}
      fadeAnimation={!still}
      zoomAnimation={!still}
      markerZoomAnimation={!still}
    >
      <NameMap label="Map of the top locations" />
      <KeepSize />
      <FitToPlaces places={places} />
      {settings.data && <TileLayer url={settings.data.mapTileUrl} attribution={settings.data.mapAttribution} />}
      <Clusters places={places} />
    </MapContainer>
  );
}
