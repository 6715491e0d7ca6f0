import { Foundation1764000000000 as PostgresFoundation } from './postgres/1764000000000-foundation';
import { Ledger1764000000001 as PostgresLedger } from './postgres/1764000000001-ledger';
import { Claims1764000000002 as PostgresClaims } from './postgres/1764000000002-claims';
import { Certificates1764000000003 as PostgresCertificates } from './postgres/1764000000003-certificates';
import { CertificatePdfsApart1764000000004 as PostgresCertificatePdfsApart } from './postgres/1764000000004-certificate-pdfs-apart';
import { SerialIdentity1764000000005 as PostgresSerialIdentity } from './postgres/1764000000005-serial-identity';
import { ClaimCertifier1764000000006 as PostgresClaimCertifier } from './postgres/1764000000006-claim-certifier';
import { ApiKeyLifecycle1764000000007 as PostgresApiKeyLifecycle } from './postgres/1764000000007-api-key-lifecycle';
import { CertificationProcess1764000000009 as PostgresCertificationProcess } from './postgres/1764000000009-certification-process';
import { ListIndexes1764000000014 as PostgresListIndexes } from './postgres/1764000000014-list-indexes';
import { CertificateVersions1764000000010 as PostgresCertificateVersions } from './postgres/1764000000010-certificate-versions';
import { ClaimReceivedOn1764000000008 as PostgresClaimReceivedOn } from './postgres/1764000000008-claim-received-on';
import { Webhooks1764000000013 as PostgresWebhooks } from './postgres/1764000000013-webhooks';
import { Reconciliations1764000000012 as PostgresReconciliations } from './postgres/1764000000012-reconciliations';
import { Imports1764000000011 as PostgresImports } from './postgres/1764000000011-imports';
import { TransparencyLog1764000000015 as PostgresTransparencyLog } from './postgres/1764000000015-transparency-log';
import { People1764000000016 as PostgresPeople } from './postgres/1764000000016-people';
import { ClaimJournalIndex1764000000017 as PostgresClaimJournalIndex } from './postgres/1764000000017-claim-journal-index';
import { Foundation1764000000000 as SqliteFoundation } from './sqlite/1764000000000-foundation';
import { Ledger1764000000001 as SqliteLedger } from './sqlite/1764000000001-ledger';
import { Claims1764000000002 as SqliteClaims } from './sqlite/1764000000002-claims';
import { Certificates1764000000003 as SqliteCertificates } from './sqlite/1764000000003-certificates';
import { CertificatePdfsApart1764000000004 as SqliteCertificatePdfsApart } from './sqlite/1764000000004-certificate-pdfs-apart';
import { SerialIdentity1764000000005 as SqliteSerialIdentity } from './sqlite/1764000000005-serial-identity';
import { ClaimCertifier1764000000006 as SqliteClaimCertifier } from './sqlite/1764000000006-claim-certifier';
import { ApiKeyLifecycle1764000000007 as SqliteApiKeyLifecycle } from './sqlite/1764000000007-api-key-lifecycle';
import { CertificationProcess1764000000009 as SqliteCertificationProcess } from './sqlite/1764000000009-certification-process';
import { ListIndexes1764000000014 as SqliteListIndexes } from './sqlite/1764000000014-list-indexes';
import { CertificateVersions1764000000010 as SqliteCertificateVersions } from './sqlite/1764000000010-certificate-versions';
import { ClaimReceivedOn1764000000008 as SqliteClaimReceivedOn } from './sqlite/1764000000008-claim-received-on';
import { Webhooks1764000000013 as SqliteWebhooks } from './sqlite/1764000000013-webhooks';
import { Reconciliations1764000000012 as SqliteReconciliations } from './sqlite/1764000000012-reconciliations';
import { Imports1764000000011 as SqliteImports } from './sqlite/1764000000011-imports';
import { TransparencyLog1764000000015 as SqliteTransparencyLog } from './sqlite/1764000000015-transparency-log';
import { People1764000000016 as SqlitePeople } from './sqlite/1764000000016-people';
import { ClaimJournalIndex1764000000017 as SqliteClaimJournalIndex } from './sqlite/1764000000017-claim-journal-index';

/** Listed explicitly (no globs) so the tsc build and jest load exactly the same migrations. */
export const SQLITE_MIGRATIONS = [
  SqliteFoundation,
  SqliteLedger,
  SqliteClaims,
  SqliteCertificates,
  SqliteCertificatePdfsApart,
  SqliteSerialIdentity,
  SqliteClaimCertifier,
  SqliteApiKeyLifecycle,
  SqliteClaimReceivedOn,
  SqliteCertificationProcess,
  SqliteCertificateVersions,
  SqliteImports,
  SqliteReconciliations,
  SqliteWebhooks,
  SqliteListIndexes,
  SqliteTransparencyLog,
  SqlitePeople,
  SqliteClaimJournalIndex,
];
export const POSTGRES_MIGRATIONS = [
  PostgresFoundation,
  PostgresLedger,
  PostgresClaims,
  PostgresCertificates,
  PostgresCertificatePdfsApart,
  PostgresSerialIdentity,
  PostgresClaimCertifier,
  PostgresApiKeyLifecycle,
  PostgresClaimReceivedOn,
  PostgresCertificationProcess,
  PostgresCertificateVersions,
  PostgresImports,
  PostgresReconciliations,
  PostgresWebhooks,
  PostgresListIndexes,
  PostgresTransparencyLog,
  PostgresPeople,
  PostgresClaimJournalIndex,
];
