// The optical power budget of a PON path: what each passive element costs in dB, what the OLT port's
// optic class allows, and whether the sum fits. Pure data and one pure function.

/** The PON access technologies the simulated network carries. */
export const Technologies = { gpon: 'GPON', xgsPon: 'XGS-PON' } as const;
export type Technology = (typeof Technologies)[keyof typeof Technologies];

/**
 * Optic classes of OLT ports and the largest ODN loss each allows (TMF-DOMAIN.md §9).
 * GPON B+ 28 dB and C+ 32 dB: ITU-T G.984.2 amendments, as Huawei board specs quote them.
 * XGS-PON N1 29 dB and N2 31 dB: ITU-T G.9807.1 from recall, flagged unverified in TMF-DOMAIN.md §9;
 * check them against the Recommendation before relying on them.
 */
export const OpticClasses = {
  'B+': { technology: Technologies.gpon, maxDb: 28 },
  'C+': { technology: Technologies.gpon, maxDb: 32 },
  N1: { technology: Technologies.xgsPon, maxDb: 29 },
  N2: { technology: Technologies.xgsPon, maxDb: 31 },
} as const;
export type OpticClass = keyof typeof OpticClasses;

/**
 * What each passive element of the path costs, in dB; the ranges are TMF-DOMAIN.md §9's (secondary
 * sources quoting vendor datasheets), and each figure is the pessimistic end so the budget errs safe.
 */
export const LossFigures = {
  // PLC splitter insertion loss: 1:32 17-17.5 dB, 1:64 20.5-21 dB.
  splitterDb: { '1:32': 17.5, '1:64': 21.0 },
  // Attenuation at 1310 nm (the upstream wavelength, the worse one), 0.35 dB/km for both fibre types.
  fibreDbPerKm: { 'G.652D': 0.35, 'G.657A2': 0.35 },
  // Mated connector pair 0.3-0.5 dB; fusion splice 0.05-0.1 dB.
  connectorDb: 0.5,
  spliceDb: 0.1,
  // WDM coexistence element that overlays XGS-PON on a GPON ODN (ITU-T G.984.5 / G.9807.1):
  // about 1 dB from vendor datasheets (an assumption, not in TMF-DOMAIN.md).
  coexistenceElementDb: 1.0,
  // Reserve for ageing, repair splices and temperature: common design practice, 3 dB.
  operatingMarginDb: 3.0,
} as const;
export type SplitRatio = keyof typeof LossFigures.splitterDb;
export type FibreType = keyof typeof LossFigures.fibreDbPerKm;

/** The passive elements between an OLT port and an ONT, as the budget needs them. */
export interface OpticalPath {
  opticClass: OpticClass;
  splitters: readonly { name: string; ratio: SplitRatio }[];
  fibres: readonly { name: string; lengthM: number; fibreType: FibreType }[];
  connectors: number;
  splices: number;
  coexistenceElements: number;
}

/** One line of the budget: what an element costs. */
export interface LossContribution {
  item: string;
  lossDb: number;
}

/** The computed budget: total loss, the class maximum, what is left (negative when over) and why. */
export interface OpticalBudget {
  lossDb: number;
  maxDb: number;
  marginDb: number;
  withinBudget: boolean;
  contributions: LossContribution[];
}

/** Adds up a path's losses (each rounded to 0.001 dB, so the lines sum to the total) against its class maximum. */
export function opticalBudget(path: OpticalPath): OpticalBudget {
  const contributions: LossContribution[] = [
    ...path.splitters.map((s) => ({ item: `splitter ${s.name} ${s.ratio}`, lossDb: LossFigures.splitterDb[s.ratio] })),
    ...path.fibres.map((f) => ({
      item: `${f.name}: ${f.lengthM} m ${f.fibreType} at ${LossFigures.fibreDbPerKm[f.fibreType]} dB/km`,
      lossDb: (f.lengthM / 1000) * LossFigures.fibreDbPerKm[f.fibreType],
    })),
    counted(path.connectors, 'connector', LossFigures.connectorDb),
    counted(path.splices, 'splice', LossFigures.spliceDb),
    counted(path.coexistenceElements, 'coexistence element', LossFigures.coexistenceElementDb),
    { item: 'operating margin', lossDb: LossFigures.operatingMarginDb },
  ]
    .filter((c) => c.lossDb > 0)
    .map((c) => ({ item: c.item, lossDb: round3(c.lossDb) }));
  const lossDb = round3(contributions.reduce((sum, c) => sum + c.lossDb, 0));
  const { maxDb } = OpticClasses[path.opticClass];
  return { lossDb, maxDb, marginDb: round3(maxDb - lossDb), withinBudget: lossDb <= maxDb, contributions };
}

function counted(count: number, what: string, eachDb: number): LossContribution {
  return { item: `${count} ${what}${count === 1 ? '' : 's'} at ${eachDb} dB`, lossDb: count * eachDb };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
