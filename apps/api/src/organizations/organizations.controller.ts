import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { IssueApiKeyUseCase, ListApiKeysUseCase, Roles, type Principal } from '@registry/auth';
import { CreateOrganizationUseCase, GetOrganizationUseCase, RenameOrganizationUseCase } from '@registry/ledger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../http/current-principal';
import { idempotencyOf } from '../http/idempotency';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ApiKeyCreatedDto, ApiKeyListDto, CreateApiKeyDto, CreateOrganizationDto, OrganizationDto, RenameOrganizationDto } from './organization.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly getOrganization: GetOrganizationUseCase,
    private readonly renameOrganization: RenameOrganizationUseCase,
    private readonly issueApiKey: IssueApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register an organisation' })
  @Problems('INVALID_CORPORATE_NUMBER', 'DUPLICATE_CORPORATE_NUMBER', 'IDEMPOTENCY_KEY_REUSED')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@Body() body: CreateOrganizationDto, @CurrentPrincipal() actor: Principal, @Req() req: FastifyRequest): Promise<OrganizationDto> {
    return this.createOrganization.execute({ ...body, actor, idempotency: idempotencyOf(req) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one organisation' })
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id') id: string): Promise<OrganizationDto> {
    return this.getOrganization.execute(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename an organisation' })
  @ApiOkResponse({ type: OrganizationDto, description: 'renamed (journaled with the old and new name); certificates already issued keep the name they were signed with' })
  rename(@Param('id') id: string, @Body() body: RenameOrganizationDto, @CurrentPrincipal() actor: Principal): Promise<OrganizationDto> {
    return this.renameOrganization.execute({ actor, organizationId: id, name: body.name });
  }

  /** Not idempotent on purpose: a replay would have to keep the plaintext key. */
  @Post(':id/api-keys')
  @ApiOperation({ summary: 'Issue an API key (shown once)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  createKey(@Param('id') id: string, @Body() body: CreateApiKeyDto, @CurrentPrincipal() actor: Principal): Promise<ApiKeyCreatedDto> {
    return this.issueApiKey.execute({ organizationId: id, label: body.label, expiresAt: body.expiresAt, actor });
  }

  /** The admin, or a key of this organisation; another organisation's list is NOT_FOUND. */
  @Get(':id/api-keys')
  @ApiOperation({ summary: "List an organisation's API keys" })
  @Roles('admin', 'provider', 'applicant', 'auditor', 'certifier', 'verifier')
  @OnlyQueryParameters()
  @ApiOkResponse({ type: ApiKeyListDto })
  listKeys(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<ApiKeyListDto> {
    return this.listApiKeys.execute({ organizationId: id, actor });
  }
}
