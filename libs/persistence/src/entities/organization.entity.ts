import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { name: 'corporate_number', length: 13, nullable: true })
  corporateNumber: string | null;

  /** JSON array of role names; small and read whole with the organisation. */
  @Column('simple-json')
  roles: string[];

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
