// `npm run bench:identity [-- --scale leak --duplicates 400]`: candidate generation by blocking over
// the people of a synthetic scale, streamed from the generator (Neo4j's read is not part of it), beside
// a baseline in the same run: folding every record's names alone, the least any matcher must do.
// Reports pairs compared against all pairs, time, the ratio to the baseline, peak memory, and the
// precision and recall on the generator's known duplicates. `--smoke` runs a tiny scale; `--detainees`
// cuts a scale down (its people are mostly detainees' relatives) to see how the figures grow.
import { parseArgs } from 'node:util';
import { CandidateBlocker, type PersonRecord, toMatchRecord } from '../../contract/identity/blocking.ts';
import { primaryKind } from '../../contract/model.ts';
import { knownDuplicatePairs, SCALES, type ScaleName, syntheticBatches } from '../../seed/synthetic.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'leak' },
    duplicates: { type: 'string', default: '400' },
    /** Fewer detainees (and so fewer relatives) than the scale has: to see how the figures grow toward it. */
    detainees: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});
const scale = (values.smoke ? 'small' : values.scale) as ScaleName;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const detainees = values.smoke ? 300 : values.detainees ? Number(values.detainees) : SCALES[scale].detainees;
const options = { ...SCALES[scale], knownDuplicates: Number(values.duplicates), detainees };

let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleMemory, 50);

// The people and their places, as the server's stream of Person records would hand them over.
const generated = performance.now();
const people: PersonRecord[] = [];
const places = new Map<string, string[]>();
for (const batch of syntheticBatches(options)) {
  for (const node of batch.nodes) {
    if (!node.labels.includes('Person')) continue;
    const p = node.properties as Record<string, string | undefined>;
    people.push({
      id: node.id,
      kind: primaryKind(node.labels) ?? 'Person',
      name: p.name,
      nameZh: p.nameZh,
      pinyin: p.pinyin,
      idNumber: p.idNumber,
      birthDate: p.birthDate,
      gender: p.gender,
    });
  }
  for (const link of batch.relationships) if (link.type === 'RESIDES_IN') places.set(link.source, [...(places.get(link.source) ?? []), link.target]);
}
for (const person of people) person.places = places.get(person.id) ?? [];
places.clear();
const generationSeconds = (performance.now() - generated) / 1000;
sampleMemory();
const rssBefore = process.memoryUsage().rss;

const baselineStarted = performance.now();
let folded = 0;
for (const person of people) folded += toMatchRecord(person).nameForms.length;
const baselineSeconds = (performance.now() - baselineStarted) / 1000;

const started = performance.now();
const blocker = new CandidateBlocker();
for (const person of people) blocker.add(person);
const found = [...blocker.candidates()];
const blockingSeconds = (performance.now() - started) / 1000;
sampleMemory();
clearInterval(sampler);

const truth = new Set(knownDuplicatePairs(options).map(({ originalId, duplicateId }) => [originalId, duplicateId].sort().join('|')));
const truePositives = found.filter((candidate) => truth.has(`${candidate.leftId}|${candidate.rightId}`)).length;
const n = people.length;
console.log(
  JSON.stringify(
    {
      scale,
      people: n,
      knownDuplicates: truth.size,
      allPairs: (n * (n - 1)) / 2,
      ...blocker.stats,
      precision: found.length ? truePositives / found.length : 1,
      recall: truth.size ? truePositives / truth.size : 1,
      generationSeconds: Number(generationSeconds.toFixed(1)),
      baselineFoldSeconds: Number(baselineSeconds.toFixed(2)),
      blockingSeconds: Number(blockingSeconds.toFixed(2)),
      blockingToBaseline: Number((blockingSeconds / baselineSeconds).toFixed(1)),
      rssBeforeBlockingMiB: Math.round(rssBefore / 2 ** 20),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      foldedForms: folded,
    },
    null,
    2,
  ),
);
