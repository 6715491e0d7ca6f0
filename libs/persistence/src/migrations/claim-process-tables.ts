/** Tables of the certification process (both dialects; `seq` is integer on SQLite, bigint on PostgreSQL). */
export function claimProcessTables(seq: 'integer' | 'bigint'): string[] {
  return [
    `CREATE TABLE claim_verifications (
      id varchar(36) PRIMARY KEY NOT NULL,
      claim_id varchar(36) NOT NULL REFERENCES claims (id),
      verifier_id varchar(36) NOT NULL REFERENCES organizations (id),
      report_reference varchar(200) NOT NULL,
      assurance varchar(12) NOT NULL CHECK (assurance IN ('reasonable', 'limited')),
      opinion varchar(12) NOT NULL CHECK (opinion IN ('unqualified', 'qualified', 'adverse')),
      verified_emissions text NOT NULL,
      independence_declared integer NOT NULL CHECK (independence_declared = 1),
      created_seq ${seq} NOT NULL,
      created_at varchar(30) NOT NULL
    )`,
    `CREATE INDEX ix_claim_verifications_claim ON claim_verifications (claim_id, created_seq)`,
    `CREATE TABLE claim_process_events (
      id varchar(36) PRIMARY KEY NOT NULL,
      claim_id varchar(36) NOT NULL REFERENCES claims (id),
      kind varchar(30) NOT NULL CHECK (kind IN ('correction_recommended', 'suspended', 'revoked', 'withdrawal_requested',
        'withdrawal_rejected', 'withdrawn', 'plan_change_notified', 'change_notified')),
      actor_id varchar(36),
      reason varchar(1000),
      due_on varchar(10),
      from_status varchar(20),
      detail text,
      created_seq ${seq} NOT NULL,
      created_at varchar(30) NOT NULL
    )`,
    `CREATE INDEX ix_claim_process_events_claim ON claim_process_events (claim_id, created_seq)`,
  ];
}

export const CLAIM_STATUSES_BEFORE = `'draft', 'submitted', 'certified', 'suspended', 'revoked', 'withdrawn'`;
/** 2.3.7: a certified CN or CN plan claim's withdrawal waits for its certifier. */
export const CLAIM_STATUSES_AFTER = `${CLAIM_STATUSES_BEFORE}, 'withdrawal_requested'`;
