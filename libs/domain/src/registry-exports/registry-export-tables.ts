import { SCHEMES } from '../schemes/scheme-catalog';
import type { SchemeCode } from '../schemes/scheme-catalog';
import type { ColumnReader, ExportLayout, ExportRowKind, RegistryExportFormat, RegistryExportTable } from './export-layout';

const always =
  (kind: ExportRowKind) =>
  (): ExportRowKind =>
    kind;

const registryOf = (scheme: SchemeCode) => SCHEMES.find((s) => s.code === scheme)!.registry;

/** ACR, CAR and ART publish on the same platform: retirements and cancellations files with "Status Effective". */
function retirementsAndCancellations(
  format: RegistryExportFormat,
  serial: string,
  quantity: string,
  statusEffective: string,
  beneficiary: string | undefined,
  cancellationReason: string,
): ExportLayout[] {
  return [
    {
      format,
      name: 'retirements',
      columns: { serial, quantity, retirementDate: statusEffective, beneficiary, retirementReason: 'Retirement Reason' },
      kind: always('retirement'),
    },
    {
      format,
      name: 'cancellations',
      columns: { serial, quantity, retirementDate: statusEffective, retirementReason: cancellationReason },
      kind: always('cancellation'),
    },
  ];
}

/** Gold Standard's "Credit Status" column. */
function goldStandardKind(cell: ColumnReader): ExportRowKind | undefined {
  const status = cell('status').trim().toLowerCase();
  if (status === 'issued') return 'holding';
  if (status === 'retired') return 'retirement';
  if (status === 'canceled' || status === 'cancelled') return 'cancellation';
  return undefined;
}

/** The registry's own CSV: `serial,scheme,registry,reference`, optionally `status,retiredOn,beneficiary`. */
function ownKind(cell: ColumnReader): ExportRowKind | undefined {
  const status = cell('status').trim().toLowerCase();
  if (status === '' || status === 'held' || status === 'holding' || status === 'issued') return 'holding';
  if (status === 'retired') return 'retirement';
  if (status === 'cancelled' || status === 'canceled') return 'cancellation';
  return undefined;
}

export const REGISTRY_EXPORT_TABLES: Readonly<Record<RegistryExportFormat, RegistryExportTable>> = {
  verra: {
    format: 'verra',
    registry: registryOf('VERRA'),
    evidenceNames: ['verra', 'vcs'],
    schemes: ['VERRA'],
    layouts: [
      {
        format: 'verra',
        name: 'transactions',
        // One export for issued and retired blocks: a block is retired (or cancelled; the export does not tell them apart) once it has a date.
        columns: {
          serial: 'Serial Number',
          quantity: 'Quantity Issued',
          issuanceDate: 'Issuance Date',
          retirementDate: 'Retirement/Cancellation Date',
          beneficiary: 'Retirement Beneficiary',
          retirementReason: 'Retirement Reason',
        },
        kind: (cell) => (cell('retirementDate').trim() === '' ? 'holding' : 'retirement'),
      },
    ],
  },
  'gold-standard': {
    format: 'gold-standard',
    registry: registryOf('GOLD_STANDARD'),
    evidenceNames: ['gold standard', 'goldstandard', 'gs'],
    // Some issuance rows are CDM CERs moved to Gold Standard, printed in the Kyoto form.
    schemes: ['GOLD_STANDARD', 'KYOTO'],
    layouts: [
      {
        format: 'gold-standard',
        name: 'retirements',
        columns: {
          serial: 'Serial Number',
          quantity: 'Quantity',
          status: 'Credit Status',
          issuanceDate: 'Issuance Date',
          retirementDate: 'Retirement Date',
          beneficiary: 'Using Entity',
          retirementReason: 'Use Case',
        },
        kind: goldStandardKind,
      },
      {
        format: 'gold-standard',
        name: 'issuances',
        columns: { serial: 'Serial Number', quantity: 'Quantity', status: 'Credit Status', issuanceDate: 'Issuance Date' },
        signature: ['GSID'],
        kind: goldStandardKind,
      },
    ],
  },
  acr: {
    format: 'acr',
    registry: registryOf('ACR'),
    evidenceNames: ['acr', 'american carbon registry'],
    schemes: ['ACR'],
    layouts: retirementsAndCancellations(
      'acr',
      'Credit Serial Numbers',
      'Quantity of Credits',
      'Status Effective (GMT)',
      'Retired on Behalf of',
      'Cancellation Type',
    ).map((layout) => ({ ...layout, columns: { ...layout.columns, issuanceDate: 'Date Issued (GMT)' }, signature: ['Project ID'] })),
  },
  car: {
    format: 'car',
    registry: registryOf('CAR'),
    evidenceNames: ['car', 'climate action reserve'],
    schemes: ['CAR'],
    // CAR names no beneficiary column; "Retirement Reason Details" holds free text about it.
    layouts: retirementsAndCancellations(
      'car',
      'Offset Credit Serial Numbers',
      'Quantity of Offset Credits',
      'Status Effective',
      undefined,
      'Cancellation Reason',
    ),
  },
  art: {
    format: 'art',
    registry: registryOf('ART'),
    evidenceNames: ['art', 'art trees', 'architecture for redd'],
    schemes: ['ART'],
    layouts: retirementsAndCancellations(
      'art',
      'Credit Serial Numbers',
      'Quantity of Credits',
      'Status Effective',
      'Retired on Behalf of',
      'Cancellation Reason',
    ).map((layout) => ({ ...layout, signature: ['Program ID'] })),
  },
  cercarbono: {
    format: 'cercarbono',
    registry: registryOf('CERCARBONO'),
    evidenceNames: ['cercarbono', 'ecoregistry'],
    schemes: ['CERCARBONO'],
    layouts: [
      {
        format: 'cercarbono',
        name: 'retirements',
        columns: {
          serial: 'serial',
          rangeFrom: 'from',
          rangeTo: 'to',
          quantity: 'quantity',
          retirementDate: 'date',
          beneficiary: 'end_user',
          retirementReason: 'certificate_destination',
        },
        // The range sits in separate from/to columns; our text form joins them to the block code.
        serialText: (cell) => `${cell('serial')} ${cell('rangeFrom')} to ${cell('rangeTo')}`,
        kind: always('retirement'),
      },
      {
        format: 'cercarbono',
        name: 'issuances',
        columns: { serial: 'serial', quantity: 'issued_quantity', rangeTo: 'issued_quantity', issuanceDate: 'issuance_date' },
        // Issuances give only the block code and its size: read as "<code> 1 to <size>". Retirements show
        // most blocks numbered 1..size, but a few 0..size−1, so an issuance row's range is an assumption.
        serialText: (cell) => `${cell('serial')} 1 to ${cell('rangeTo')}`,
        kind: always('holding'),
      },
    ],
  },
  registry: {
    format: 'registry',
    registry: 'the registry named on each row',
    evidenceNames: [],
    schemes: [],
    layouts: [
      {
        format: 'registry',
        name: 'holdings',
        columns: {
          serial: 'serial',
          scheme: 'scheme',
          registry: 'registry',
          reference: 'reference',
          status: 'status',
          retirementDate: 'retiredOn',
          beneficiary: 'beneficiary',
        },
        optional: ['status', 'retirementDate', 'beneficiary'],
        kind: ownKind,
      },
    ],
  },
};
