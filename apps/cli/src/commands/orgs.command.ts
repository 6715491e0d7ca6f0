import { Command, InvalidArgumentError } from 'commander';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@registry/domain';
import { CreateOrganizationUseCase } from '@registry/ledger';
import { withCliContext } from '../cli-context';

function parseRoles(value: string): OrganizationRole[] {
  const roles = value.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ORGANIZATION_ROLES as readonly string[]).includes(r));
  if (unknown.length || roles.length === 0) {
    throw new InvalidArgumentError(`roles must be a comma-separated list of ${ORGANIZATION_ROLES.join(', ')}`);
  }
  return roles as OrganizationRole[];
}

export function orgsCommand(): Command {
  const orgs = new Command('orgs').description('organisations');
  orgs.command('create')
    .description('register an organisation (prints it as JSON)')
    .requiredOption('--name <name>', 'legal name')
    .requiredOption('--roles <roles>', `comma-separated: ${ORGANIZATION_ROLES.join(', ')}`, parseRoles)
    .option('--corporate-number <number>', '13-digit 法人番号 (check digit verified)')
    .action(async (options: { name: string; roles: OrganizationRole[]; corporateNumber?: string }) => {
      const organization = await withCliContext((app) =>
        app.get(CreateOrganizationUseCase).execute({
          name: options.name,
          roles: options.roles,
          corporateNumber: options.corporateNumber,
        }),
      );
      process.stdout.write(`${JSON.stringify(organization)}\n`);
    });
  return orgs;
}
