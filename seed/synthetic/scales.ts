// The synthetic generator's knobs and the named scales the seed offers (small, leak, 1m, 10m).
export interface ScaleOptions {
  seed: number;
  /** Synthetic counties added beside the record's own (each with its public-security bureau). */
  syntheticCounties: number;
  facilitiesPerCounty: [min: number, max: number];
  detainees: number;
  /** People named in police records around each detainee (relatives), on average. */
  relativesPerDetainee: number;
  guardsPerFacility: [min: number, max: number];
  villages: number;
  /** Police-record documents beyond the one detention record per detainee. */
  extraRecordDocuments: number;
  /** Zipf exponent of detainees per facility: higher concentrates them in a few very large camps. */
  facilitySkew: number;
  /** Detainees among the first this many get a generated stand-in photo (one in five; seed/synthetic-photos.ts). */
  photographedDetainees: number;
  /** Detainees recorded a second time under another spelling (seed/synthetic/duplicates.ts): the matcher's ground truth. */
  knownDuplicates: number;
}

const baseSeed = 20220524; // the consortium's publication day

export const SCALES = {
  /** Thousands of nodes: the default seed, loaded at first start in seconds. */
  small: {
    seed: baseSeed,
    syntheticCounties: 3,
    facilitiesPerCounty: [2, 4],
    detainees: 1_200,
    relativesPerDetainee: 1.5,
    guardsPerFacility: [6, 20],
    villages: 60,
    extraRecordDocuments: 200,
    facilitySkew: 1.0,
    photographedDetainees: 300,
    knownDuplicates: 24,
  },
  /** The leak's own size: ~800,000 individuals in police records, 20,000+ detainees, 100,000 documents. */
  leak: {
    seed: baseSeed,
    syntheticCounties: 37,
    facilitiesPerCounty: [2, 6],
    detainees: 22_000,
    relativesPerDetainee: 35,
    guardsPerFacility: [20, 120],
    villages: 3_000,
    extraRecordDocuments: 78_000,
    facilitySkew: 1.3,
    photographedDetainees: 300,
    knownDuplicates: 0,
  },
  /** About 1 million nodes and 3 million relationships, with a facility of 20,000+ detainees. */
  '1m': {
    seed: baseSeed,
    syntheticCounties: 60,
    facilitiesPerCounty: [3, 7],
    detainees: 150_000,
    relativesPerDetainee: 4.8,
    guardsPerFacility: [20, 80],
    villages: 6_000,
    extraRecordDocuments: 20_000,
    facilitySkew: 1.0,
    photographedDetainees: 300,
    knownDuplicates: 0,
  },
  /** About 10 million nodes and 30 million relationships. */
  '10m': {
    seed: baseSeed,
    syntheticCounties: 300,
    facilitiesPerCounty: [3, 8],
    detainees: 1_500_000,
    relativesPerDetainee: 4.8,
    guardsPerFacility: [20, 100],
    villages: 40_000,
    extraRecordDocuments: 200_000,
    facilitySkew: 1.0,
    photographedDetainees: 300,
    knownDuplicates: 0,
  },
} satisfies Record<string, ScaleOptions>;
export type ScaleName = keyof typeof SCALES;
