import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's API key. Only the SHA-256 digest of the secret is kept. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'organization_id', length: 36 })
  organizationId: string;

  /** Public, random part of the key used to find the row; the secret part is never stored. */
  @Column('varchar', { name: 'lookup_id', length: 32 })
  lookupId: string;

  @Column('varchar', { name: 'secret_sha256', length: 64 })
  secretSha256: string;

  @Column('varchar', { length: 100, nullable: true })
  label: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'revoked_at', type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;
}
